"""Officers of each unit: who they are in Zalo, their role and their duty roster."""
