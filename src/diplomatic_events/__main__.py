"""``python -m diplomatic_events`` runs the command line."""

import sys

from diplomatic_events._cli import main

sys.exit(main())
