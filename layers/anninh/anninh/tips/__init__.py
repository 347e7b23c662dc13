"""Tips (tố giác, tin báo, phản ánh): intake, lifecycle, visibility, relay between officers and reporters."""
