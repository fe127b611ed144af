# T-CITES: cites 76/NQ-CP of 15/7/2021 or 30c/NQ-CP of 8/11/2011; the number alone is partial.
package cchc

import rego.v1

t_cites := "pass" if {
	some key in ["76/NQ-CP@2021-07-15", "30C/NQ-CP@2011-11-08"]
	key in cites
} else := "partial" if {
	some key in ["76/NQ-CP", "30C/NQ-CP"]
	key in cites
} else := "fail"

status["T-CITES"] := t_cites
