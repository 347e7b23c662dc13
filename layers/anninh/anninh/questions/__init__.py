"""Questions the FAQ could not answer, handed to the unit's officers and relayed back to the citizen."""
