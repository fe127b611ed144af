# T-AREAS: covers procedures and digital_government; one of them is partial.
package cchc

import rego.v1

area_items := {"procedures", "digital_government"}

t_areas := "pass" if {
	count(area_items & areas) == count(area_items)
} else := "partial" if {
	count(area_items & areas) >= 1
} else := "fail"

status["T-AREAS"] := t_areas
