"""PAR-index preparation: score the propaganda criterion per unit from plans and results reports.

scheme       scoring schemes as data (rules/schemes/*.yaml), with line numbers
inputs       reading the folders of plans and results reports
pairing      each unit's plan with its report; the unpaired kept
targets      planned activities as countable targets, matched to reported activities
bands        exact band arithmetic
completion   sub-criterion plan_completion      diversity   form_diversity
issue        sub-criterion plan_issue           compliance  the rule packs' score beside it
run          scoring a folder                   result      the output model
render_*     text, JSON, XLSX (self-assessment sheet), HTML
"""
