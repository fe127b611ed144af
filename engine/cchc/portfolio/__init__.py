"""The province's portfolio over the years (`cchc history`): pivots of the results store
with pandas, static charts with matplotlib, an HTML page and an XLSX workbook.

pandas and matplotlib are imported only here, so `cchc-check` never pays for them.
"""
