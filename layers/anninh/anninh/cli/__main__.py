"""`python -m anninh.cli`: the same entry point as the `anninh` console script."""

import sys

from anninh.cli import main

sys.exit(main())
