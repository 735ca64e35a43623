"""Spreadsheets in and out: the application import, its template and the rejected-rows file."""
