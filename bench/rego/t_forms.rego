# T-FORMS: at least one online and one traditional form; one of the two is partial.
package cchc

import rego.v1

some_form if input.n_online_forms >= 1

some_form if input.n_traditional_forms >= 1

t_forms := "pass" if {
	input.n_online_forms >= 1
	input.n_traditional_forms >= 1
} else := "partial" if {
	some_form
} else := "fail"

status["T-FORMS"] := t_forms
