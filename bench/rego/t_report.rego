# T-REPORT: a report to the department or province due by 15/11 of the plan's year.
package cchc

import rego.v1

report_levels := {"department", "province"}

on_time(r) if {
	r.due_year_offset == 0
	r.due_md <= "11-15"
}

on_time(r) if r.due_year_offset < 0

t_report := "pass" if {
	some r in input.reporting
	r.to_level in report_levels
	on_time(r)
} else := "partial" if {
	some r in input.reporting
	r.to_level in report_levels
} else := "fail"

status["T-REPORT"] := t_report
