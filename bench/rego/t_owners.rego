# T-OWNERS: every activity has an owner and a deadline (none: fail; some complete: partial).
package cchc

import rego.v1

incomplete if {
	some a in input.activities
	a.has_owner == false
}

incomplete if {
	some a in input.activities
	a.has_deadline == false
}

t_owners := "fail" if {
	input.n_activities == 0
} else := "partial" if {
	incomplete
	some a in input.activities
	a.has_owner == true
	a.has_deadline == true
} else := "fail" if {
	incomplete
} else := "pass"

status["T-OWNERS"] := t_owners
