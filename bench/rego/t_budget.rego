# T-BUDGET: a funding source; budget lines or a funding section alone are partial.
package cchc

import rego.v1

some_funding if input.n_budget_lines >= 1

some_funding if "funding" in sections

t_budget := "pass" if {
	input.has_budget_source == true
} else := "partial" if {
	some_funding
} else := "fail"

status["T-BUDGET"] := t_budget
