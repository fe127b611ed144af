"""PAR-index preparation: score the propaganda criterion per unit from plans and results reports.

scheme       scoring schemes as data (rules/schemes/*.yaml), with line numbers
inputs       reading the folders of plans and results reports
units        unit identity: structured fields, then names (the one place names are compared)
expected     the list of units expected to submit (--units)
pairing      each unit's plan with its report; duplicates set aside; the unpaired kept
targets      planned activities as countable targets, matched to reported activities
bands        exact band arithmetic
completion   sub-criterion plan_completion      diversity   form_diversity
issue        sub-criterion plan_issue           compliance  the rule packs' score beside it
review       flags for a second look (contradictory lines, backdated plans)
run          scoring a folder                   result      the output model
summary      totals, averages, ranking, band counts (pandas, for the workbook only)
render_*     text, JSON, XLSX (self-assessment workbook), HTML
"""
