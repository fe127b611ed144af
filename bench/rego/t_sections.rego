# T-SECTIONS: at least 3 of purpose, content, forms, organisation; some of them is partial.
package cchc

import rego.v1

section_items := {"purpose", "content", "forms", "organisation"}

t_sections := "pass" if {
	count(section_items & sections) >= 3
} else := "partial" if {
	count(section_items & sections) >= 1
} else := "fail"

status["T-SECTIONS"] := t_sections
