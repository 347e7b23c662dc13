"""The dialogue with a citizen: main menu, sections, and (later) FAQ, tip intake and officer commands."""
