"""Reading commune workbooks of the worker registry (persons and households): encodings, headers, cell values.

Pure reading, no database writes: encodings.py (UTF-8, UTF-16, Windows-1258, TCVN3, VNI to Unicode), headers.py
(the columns of Mẫu 03 TT 11/2022 and their variants to Person fields), values.py (dates, sex, CCCD, coded
fields), workbooks.py (.xls and .xlsx through python-calamine, with the limits of imports.readers).
"""
