"""Qt front end: windows, panels, dialogs, item models, workers. The only package that imports Qt widgets."""
