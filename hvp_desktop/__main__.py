from hvp_desktop.cli import main

raise SystemExit(main())
