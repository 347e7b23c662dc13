"""Police units: a tree of any depth (province → departments/communes, or older district levels)."""
