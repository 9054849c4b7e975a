"""`python -m checker`: see `checker.cli`."""

from checker.cli import main

raise SystemExit(main())
