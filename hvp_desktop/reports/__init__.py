"""Spreadsheets in and out: the application import, its template and the rejected-rows file,
rubric tables, preliminary scores and the ranking workbook."""
