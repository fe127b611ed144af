# T-MISATTRIBUTED: 76/NQ-CP of 15/7/2021 attributed to the Prime Minister fails.
package cchc

import rego.v1

t_misattributed := "fail" if {
	"76/NQ-CP@2021-07-15#prime_minister" in cite_issuers
} else := "pass"

status["T-MISATTRIBUTED"] := t_misattributed
