# The derived facts of one plan (cchc.facts.derive) as sets, shared by the rules.
# Each rule file gives `status[RULE-ID]`: the first matching branch, else the default,
# exactly as the rule's compiled branches in tests/packs/allkinds/all-kinds.yaml.
package cchc

import rego.v1

cites := {c | some c in input.cites}

cite_issuers := {c | some c in input.cite_issuers}

sections := {s | some s in input.sections}

areas := {a | some a in input.areas}
