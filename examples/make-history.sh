#!/usr/bin/env bash
# Builds a git history for the Northwind example: examples/make-history.sh DEST
#
# DEST becomes a new repository (it must not exist, or be empty) whose commits, from
# 8 January to 17 February 2027, tell how the knowledge base in examples/northwind came to
# be: week by week, goals get their numbers updated, briefs go from draft to review to
# approved, decisions are proposed and accepted, week goals come and go. The last commit's
# files are exactly the example's, but for the `history: off` of its bearing.yml (there, it
# keeps Bearing's own repository out of the example; here, the history is the example's), so
# `bearing digest DEST --today 2027-02-17` shows the week before (2027-W06) as a team lived it. Authors come from people.yml; dates are fixed
# (Pacific time), so the script makes the same repository every time.
#
# Each step below edits the working copy a little and commits it. Earlier versions are the
# example's files with edits (a status not reached yet, a lower `current`, a section not
# written yet); `final` puts a file back to the example's version.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/northwind" && pwd)
if [ $# -ne 1 ]; then
    echo "usage: examples/make-history.sh DEST (a new or empty folder)" >&2
    exit 2
fi
dest=$1
if [ -e "$dest" ] && { [ ! -d "$dest" ] || [ -n "$(ls -A "$dest")" ]; }; then
    echo "error: '$dest' exists and is not an empty folder" >&2
    exit 2
fi
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
cd "$dest"

# Only this script's settings: no system, global or user git configuration, no outer repository.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES XDG_CONFIG_HOME
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME="$dest" TZ=UTC LC_ALL=C
git init -q -b main

fail() { echo "make-history: $*" >&2; exit 1; }

# final FILE...: the file as it is in the example.
final() {
    local file
    for file in "$@"; do
        mkdir -p "$(dirname "$file")"
        cp "$src/$file" "$file"
    done
}

# replace FILE OLD NEW: replaces the first OLD (literal text) in FILE with NEW.
replace() {
    local file=$1 old=$2 new=$3 text
    text=$(<"$file")
    [[ $text == *"$old"* ]] || fail "$file: no '$old'"
    printf '%s\n' "${text/"$old"/"$new"}" >"$file"
}

# field FILE KEY VALUE: sets the first `KEY:` line (front matter) to `KEY: VALUE`.
field() {
    local line
    line=$(grep -m1 "^$2:" "$1") || fail "$1: no field '$2'"
    replace "$1" "$line" "$2: $3"
}

# without_history_off FILE: prints FILE without its `history: off` line and the comment lines
# just above it.
without_history_off() {
    awk '
        /^#/ { comment[++n] = $0; next }
        $0 == "history: off" { n = 0; next }
        { for (i = 1; i <= n; i++) print comment[i]; n = 0; print }
        END { for (i = 1; i <= n; i++) print comment[i] }' "$1"
}

# drop_field FILE KEY: removes the first `KEY:` line.
drop_field() {
    local line
    line=$(grep -m1 "^$2:" "$1") || fail "$1: no field '$2'"
    replace "$1" "$line"$'\n' ""
}

# drop_section FILE HEADING: removes the heading line and its section, up to the next heading
# of the same or a higher level.
drop_section() {
    grep -qxF -- "$2" "$1" || fail "$1: no heading '$2'"
    awk -v heading="$2" '
        BEGIN { depth = index(heading, " ") - 1 }
        $0 == heading { skipping = 1; while (n > 0 && lines[n] == "") n--; next }
        skipping && match($0, /^#+ /) && RLENGTH - 1 <= depth { skipping = 0; lines[++n] = "" }
        !skipping { lines[++n] = $0 }
        END { for (i = 1; i <= n; i++) print lines[i] }' "$1" >"$1.tmp"
    mv "$1.tmp" "$1"
}

# commit WHO DAY TIME MESSAGE: commits every change as WHO (an id in people.yml), at DAY TIME
# Pacific time (the team is in Portland).
commit() {
    local who=$1 when="$2T$3:00-08:00" message=$4 entry name email
    entry=$(grep -m1 "^  $who: " "$src/people.yml") || fail "no '$who' in people.yml"
    name=${entry#*name: }; name=${name%%,*}; name=${name#\"}; name=${name%\"}
    email=${entry#*email: }; email=${email%%,*}
    git add -A
    GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=$when \
        GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email GIT_COMMITTER_DATE=$when \
        git commit -q -m "$message"
}

# ---------------------------------------------------------------------------------------------
# 2027-W01: the knowledge base moves over from the wiki (Friday 8 January).
# ---------------------------------------------------------------------------------------------

final bearing.yml people.yml
grep -qx 'history: off' bearing.yml || fail "bearing.yml: no 'history: off'"
without_history_off "$src/bearing.yml" >bearing.yml
final notes/glossary.md notes/weekly-planning.md notes/working-agreements.md

# The glossary has no pricing words yet.
field notes/glossary.md updated 2026-12-01
replace notes/glossary.md $'| order line | one product on one order; the unit of usage-based pricing |\n' ""
replace notes/glossary.md $'\n- [Usage-based pricing](../briefs/usage-based-pricing.md)\n- [[0010-meter-usage-on-delivered-order-lines]]' ""

# Planning does not start from the digest yet.
field notes/weekly-planning.md updated 2026-11-30
replace notes/weekly-planning.md $'- [ ] Read the digest that Bearing posts to #planning on Monday at 07:00.\n' ""

# The working agreements as agreed in September.
field notes/working-agreements.md updated 2026-09-14
replace notes/working-agreements.md $'September 2026, revised in\nJanuary 2027. Change it' $'September 2026.\nChange it'
replace notes/working-agreements.md $'- In the office on team days (see the office plan from Hannah, March 2027).\n' ""

# Year goals with the numbers Dan posted on the first Monday of January.
final goals/g-2027-break-even.md goals/g-2027-mobile-delivery.md goals/g-2027-retention.md
field goals/g-2027-break-even.md updated 2027-01-04
replace goals/g-2027-break-even.md "current: 5.0" "current: 4.9"
replace goals/g-2027-break-even.md "current: 245" "current: 280"
field goals/g-2027-mobile-delivery.md updated 2027-01-04
replace goals/g-2027-mobile-delivery.md "current: 47" "current: 41"
replace goals/g-2027-mobile-delivery.md "current: 5.1" "current: 5.8"
replace goals/g-2027-mobile-delivery.md $'See the\n   [redesign brief](../briefs/driver-app-redesign-v3.md) (draft).' "No brief yet."
field goals/g-2027-retention.md updated 2027-01-04
replace goals/g-2027-retention.md "current: 104.5" "current: 103.8"
replace goals/g-2027-retention.md "current: 3.6" "current: 3.9"
replace goals/g-2027-retention.md "from 4.1 % to 3.6 %" "from 4.1 % to 3.9 %"

# Quarter goals as set in December, most of them at their baseline.
final goals/g-2026-q4-invoicing-v2.md goals/g-2027-q1-churn-saves.md goals/g-2027-q1-driver-adoption.md
final goals/g-2027-q1-dso.md goals/g-2027-q1-infra-cost.md goals/g-2027-q1-offline-mode.md
final goals/g-2027-q1-onboarding.md goals/g-2027-q1-portal-reliability.md goals/g-2027-q1-usage-pricing.md

field goals/g-2027-q1-churn-saves.md updated 2027-01-04
replace goals/g-2027-q1-churn-saves.md "current: 7" "current: 2"
replace goals/g-2027-q1-churn-saves.md "| Lone Pine Meats | \$48k | save plan signed |" "| Lone Pine Meats | \$48k | no answer yet |"
replace goals/g-2027-q1-churn-saves.md "| Bayside Seafood Supply | \$71k | exec call missed twice |" "| Bayside Seafood Supply | \$71k | escalation open |"
replace goals/g-2027-q1-churn-saves.md "| Millbrook Dairy | \$55k | asked for a price proposal |" "| Millbrook Dairy | \$55k | usage down 40 % |"
replace goals/g-2027-q1-churn-saves.md $' Last week\'s call target was missed:\n[[g-2027-w06-save-calls]].' ""

field goals/g-2027-q1-driver-adoption.md updated 2027-01-04
replace goals/g-2027-q1-driver-adoption.md "current: 47" "current: 41"
replace goals/g-2027-q1-driver-adoption.md "current: 11" "current: 2"
replace goals/g-2027-q1-driver-adoption.md "This week: [[g-2027-w07-depot-training]]. The SMS notification idea was dropped" \
    "SMS notifications to restaurants are in review"

field goals/g-2027-q1-dso.md updated 2027-01-04
replace goals/g-2027-q1-dso.md "current: 49" "current: 51"
replace goals/g-2027-q1-dso.md "current: 31" "current: 25"
replace goals/g-2027-q1-dso.md $'| automated dunning emails | Fatima | approved, building |
| card and ACH payments in the portal | Dan | in review |
| annual prepay discount | Ruth, Dan | decision pending |

See [dunning automation](../briefs/dunning-automation.md),
[portal card payments](../briefs/portal-card-payments.md) and
[[0011-offer-annual-prepay-discount|the prepay decision]].' \
$'| automated dunning emails | Fatima | brief in January |
| card and ACH payments in the portal | Dan | brief in January |'

# (The infrastructure goal stays as it was on 20 December: it goes stale.)
replace goals/g-2027-q1-infra-cost.md $'\n\nFirst item is written up in [RDS right-sizing](../briefs/rds-rightsizing.md).' ""

field goals/g-2027-q1-offline-mode.md updated 2027-01-04
field goals/g-2027-q1-offline-mode.md progress '"10%"'
replace goals/g-2027-q1-offline-mode.md "- [x] Spike: local queue survives app kill and reboot ([[g-2027-w06-offline-sync-spike]])" \
    "- [ ] Spike: local queue survives app kill and reboot"
replace goals/g-2027-q1-offline-mode.md "- [x] Decision on the on-device store: [[0004-use-sqlite-on-device-for-offline-queue]]" \
    "- [ ] Decision on the on-device store"
replace goals/g-2027-q1-offline-mode.md "- [x] Decision on the sync protocol: [[0009-sync-driver-app-via-event-log]]" \
    "- [ ] Decision on the sync protocol"
replace goals/g-2027-q1-offline-mode.md $'(40 %): the spike and both decisions are done, the feature work\nis not.' \
    $'(10 %): the brief is written,\nnothing else is done.'

field goals/g-2027-q1-onboarding.md updated 2027-01-04
field goals/g-2027-q1-onboarding.md health on-track
replace goals/g-2027-q1-onboarding.md "current: 17" "current: 24"
replace goals/g-2027-q1-onboarding.md "current: 68" "current: 55"
replace goals/g-2027-q1-onboarding.md "- [x] Measure time to first order per cohort (done in January, Li)" \
    "- [ ] Measure time to first order per cohort"
replace goals/g-2027-q1-onboarding.md "- [x] Approve the [onboarding concierge brief](../briefs/onboarding-concierge.md)" \
    "- [ ] Write and approve a brief for an onboarding concierge"
drop_section goals/g-2027-q1-onboarding.md "## Status, week 7"

field goals/g-2027-q1-portal-reliability.md updated 2027-01-04
replace goals/g-2027-q1-portal-reliability.md "current: 99.82" "current: 99.6"
replace goals/g-2027-q1-portal-reliability.md "current: 1100" "current: 2300"
replace goals/g-2027-q1-portal-reliability.md $'\n- [[0012-self-host-feature-flags-with-unleash]] so that risky changes ship dark.\n- This week: [[g-2027-w07-checkout-p95]].' ""

field goals/g-2027-q1-usage-pricing.md updated 2027-01-04
field goals/g-2027-q1-usage-pricing.md health on-track
field goals/g-2027-q1-usage-pricing.md progress '"10%"'
replace goals/g-2027-q1-usage-pricing.md "- [x] Pricing research" "- [ ] Pricing research"
replace goals/g-2027-q1-usage-pricing.md "- [ ] [Usage-based pricing brief](../briefs/usage-based-pricing.md) approved" \
    "- [ ] Usage-based pricing brief approved"
replace goals/g-2027-q1-usage-pricing.md " ([[0010-meter-usage-on-delivered-order-lines]])" ""
replace goals/g-2027-q1-usage-pricing.md $'at 25 %. At-risk: the brief is still in review and the\nbilling change has not been estimated yet.' \
    "at 10 %: research is under way."

# Briefs: finished invoicing work, the churn playbook, the cutoff scaling plan, offline
# delivery and SMS notifications in review.
final briefs/invoice-pdf-v2.md briefs/at-risk-account-playbook.md briefs/order-cutoff-scaling.md
final briefs/offline-delivery-confirmation.md briefs/sms-delivery-notifications.md

field briefs/at-risk-account-playbook.md updated 2027-01-04
replace briefs/at-risk-account-playbook.md "once [usage-based pricing](usage-based-pricing.md) is approved." \
    "once there is one."
replace briefs/at-risk-account-playbook.md $' Olga reviews\nthe red list every Monday in the planning meeting.' ""
replace briefs/at-risk-account-playbook.md " (Ben: no.)" ""

field briefs/order-cutoff-scaling.md status approved
field briefs/order-cutoff-scaling.md updated 2027-01-04
drop_field briefs/order-cutoff-scaling.md decisions
replace briefs/order-cutoff-scaling.md $'1. Partition `orders` by distributor\n   ([[0006-partition-orders-table-by-distributor]]).' \
    $'1. Partition `orders` (how: to be decided).'
replace briefs/order-cutoff-scaling.md $'4. Ship every step behind a flag ([[0012-self-host-feature-flags-with-unleash]]) and\n   turn it on per distributor batch.\n' ""
replace briefs/order-cutoff-scaling.md "| partitioning | first 40 distributors | 2027-02-11 |" "| partitioning | first 40 distributors | week 6 |"
replace briefs/order-cutoff-scaling.md $'\n\nProgress is tracked in [[g-2027-w07-checkout-p95]].' ""

field briefs/offline-delivery-confirmation.md status in-review
field briefs/offline-delivery-confirmation.md updated 2027-01-05
drop_field briefs/offline-delivery-confirmation.md decisions
replace briefs/offline-delivery-confirmation.md " ([[0004-use-sqlite-on-device-for-offline-queue]])." " (storage to be decided)."
replace briefs/offline-delivery-confirmation.md "  ([[0009-sync-driver-app-via-event-log]])." "  (to be decided)."
replace briefs/offline-delivery-confirmation.md $'- Photos upload separately, on Wi-Fi or after the route if the driver allows it.\n' ""

field briefs/sms-delivery-notifications.md status in-review
field briefs/sms-delivery-notifications.md updated 2027-01-08
drop_section briefs/sms-delivery-notifications.md "## Why it was dropped"

# The decisions from before 2027, as they were.
final decisions/0001-use-postgres-for-ledger.md decisions/0002-render-invoices-with-typst.md
final decisions/0003-sync-driver-app-with-rest-polling.md decisions/0005-nightly-csv-export-to-erp.md
final decisions/0008-migrate-to-kubernetes.md
field decisions/0001-use-postgres-for-ledger.md updated 2025-03-11
drop_field decisions/0001-use-postgres-for-ledger.md goals
replace decisions/0001-use-postgres-for-ledger.md $'; the partitioning\n  in [[0006-partition-orders-table-by-distributor]] must not touch the ledger schema.' "."
drop_section decisions/0001-use-postgres-for-ledger.md "### Confirmation"
field decisions/0002-render-invoices-with-typst.md updated 2026-10-20
drop_field decisions/0002-render-invoices-with-typst.md goals
drop_section decisions/0002-render-invoices-with-typst.md "### Confirmation"
field decisions/0003-sync-driver-app-with-rest-polling.md status accepted
field decisions/0003-sync-driver-app-with-rest-polling.md updated 2025-06-02
drop_field decisions/0003-sync-driver-app-with-rest-polling.md superseded_by
drop_section decisions/0003-sync-driver-app-with-rest-polling.md "## Superseded"
field decisions/0005-nightly-csv-export-to-erp.md status accepted
field decisions/0005-nightly-csv-export-to-erp.md updated 2025-09-02
drop_section decisions/0005-nightly-csv-export-to-erp.md "## Deprecated"

commit marco 2027-01-08 11:00 "Start the knowledge base: goals, briefs and decisions from the wiki"

# ---------------------------------------------------------------------------------------------
# 2027-W02
# ---------------------------------------------------------------------------------------------

# Hannah writes up the office move; the lease is not signed yet.
final briefs/office-move-checklist.md
field briefs/office-move-checklist.md status draft
field briefs/office-move-checklist.md updated 2027-01-11
replace briefs/office-move-checklist.md "- [x] Sign the new lease (Ruth, 2027-01-20)" "- [ ] Sign the new lease (Ruth)"
replace briefs/office-move-checklist.md "- [x] Choose the movers (Cascade Office Movers, \$6,400)" "- [ ] Choose the movers"
commit hannah 2027-01-11 10:30 "Office move: first checklist"

# María gives the growth team a page.
final notes/team-growth.md
field notes/team-growth.md updated 2027-01-11
replace notes/team-growth.md $' Red accounts go to Olga first; anything about contracts or\npricing goes to Ben and María.' ""
commit maria 2027-01-11 14:10 "Growth team page with live lists of our briefs and goals"

# Ruth proposes an annual prepay discount.
final decisions/0011-offer-annual-prepay-discount.md
field decisions/0011-offer-annual-prepay-discount.md updated 2027-01-12
replace decisions/0011-offer-annual-prepay-discount.md $'Still open after the 2027-01-20 discussion:

* Ruth wants to see how this interacts with usage-based pricing: what is "a year in
  advance" for a metered bill? Possibly: prepay the platform fee only.
* Ben worries the discount becomes the default and lowers ARR without bringing anything.

' ""
commit ruth 2027-01-12 09:20 "Propose 0011: annual prepay discount"

# Ken and Aisha decide where the offline queue lives on the phone.
final decisions/0004-use-sqlite-on-device-for-offline-queue.md
field decisions/0004-use-sqlite-on-device-for-offline-queue.md updated 2027-01-14
replace decisions/0004-use-sqlite-on-device-for-offline-queue.md $'* Good, because the week-6 spike ([[g-2027-w06-offline-sync-spike]]) synced 500 queued
  confirmations after 20 forced kills without loss.\n' ""
replace briefs/offline-delivery-confirmation.md "(storage to be decided)" "([[0004-use-sqlite-on-device-for-offline-queue]])"
replace briefs/offline-delivery-confirmation.md "review_by: 2027-01-15" $'review_by: 2027-01-15\ndecisions: [0004-use-sqlite-on-device-for-offline-queue]'
field briefs/offline-delivery-confirmation.md updated 2027-01-14
commit ken 2027-01-14 15:00 "0004: SQLite on the device for the offline queue"

# ---------------------------------------------------------------------------------------------
# 2027-W03
# ---------------------------------------------------------------------------------------------

# Li measured time to first order and drafts the onboarding concierge.
final briefs/onboarding-concierge.md
field briefs/onboarding-concierge.md status draft
field briefs/onboarding-concierge.md updated 2027-01-18
replace briefs/onboarding-concierge.md $'Measured weekly in\n[[g-2027-w07-onboarding-checklist]] and its successors.' \
    $'Measured weekly with week\ngoals under [[g-2027-q1-onboarding]].'
field goals/g-2027-q1-onboarding.md updated 2027-01-18
replace goals/g-2027-q1-onboarding.md "current: 24" "current: 22"
replace goals/g-2027-q1-onboarding.md "current: 55" "current: 58"
replace goals/g-2027-q1-onboarding.md "- [ ] Measure time to first order per cohort" "- [x] Measure time to first order per cohort (done in January, Li)"
replace goals/g-2027-q1-onboarding.md "- [ ] Write and approve a brief for an onboarding concierge" \
    "- [ ] Approve the [onboarding concierge brief](../briefs/onboarding-concierge.md)"
commit li 2027-01-18 11:45 "Onboarding concierge brief (draft); first time-to-first-order numbers"

# Aisha and Marco choose the event log; 0003 is superseded and the offline brief approved.
final decisions/0009-sync-driver-app-via-event-log.md decisions/0003-sync-driver-app-with-rest-polling.md
field decisions/0009-sync-driver-app-via-event-log.md updated 2027-01-19
replace decisions/0009-sync-driver-app-via-event-log.md $'* Good, because retries are safe: the spike had no duplicates after 20 forced kills.
* Good, because battery use on a 9-hour route fell by about a fifth in the first test.\n' ""
replace briefs/offline-delivery-confirmation.md "  (to be decided)." "  ([[0009-sync-driver-app-via-event-log]])."
field briefs/offline-delivery-confirmation.md decisions "[0004-use-sqlite-on-device-for-offline-queue, 0009-sync-driver-app-via-event-log]"
field briefs/offline-delivery-confirmation.md status approved
field briefs/offline-delivery-confirmation.md updated 2027-01-19
field goals/g-2027-q1-offline-mode.md progress '"25%"'
field goals/g-2027-q1-offline-mode.md updated 2027-01-19
replace goals/g-2027-q1-offline-mode.md "- [ ] Decision on the on-device store" "- [x] Decision on the on-device store: [[0004-use-sqlite-on-device-for-offline-queue]]"
replace goals/g-2027-q1-offline-mode.md "- [ ] Decision on the sync protocol" "- [x] Decision on the sync protocol: [[0009-sync-driver-app-via-event-log]]"
replace goals/g-2027-q1-offline-mode.md $'(10 %): the brief is written,\nnothing else is done.' \
    $'(25 %): both decisions are done, the spike and the\nfeature work are not.'
commit aisha 2027-01-19 14:30 "0009: sync the driver app through an event log (supersedes 0003); offline brief approved"

# María drafts usage-based pricing after the customer interviews.
final briefs/usage-based-pricing.md
field briefs/usage-based-pricing.md status draft
field briefs/usage-based-pricing.md updated 2027-01-20
drop_field briefs/usage-based-pricing.md decisions
replace briefs/usage-based-pricing.md "What counts as an order line is [[0010-meter-usage-on-delivered-order-lines]]." \
    "What counts as an order line is still open."
field goals/g-2027-q1-usage-pricing.md updated 2027-01-20
field goals/g-2027-q1-usage-pricing.md progress '"20%"'
replace goals/g-2027-q1-usage-pricing.md "- [ ] Pricing research" "- [x] Pricing research"
replace goals/g-2027-q1-usage-pricing.md "- [ ] Usage-based pricing brief approved" \
    "- [ ] [Usage-based pricing brief](../briefs/usage-based-pricing.md) approved"
replace goals/g-2027-q1-usage-pricing.md "at 10 %: research is under way." "at 20 %: research is done."
replace briefs/at-risk-account-playbook.md "once there is one." "once [usage-based pricing](usage-based-pricing.md) is approved."
commit maria 2027-01-20 16:00 "Usage-based pricing brief (draft)"

# Tomás and Priya decide how to partition the orders table; the cutoff work starts.
final decisions/0006-partition-orders-table-by-distributor.md
field decisions/0006-partition-orders-table-by-distributor.md updated 2027-01-21
replace decisions/0006-partition-orders-table-by-distributor.md $'* Good, because the first batch of 40 distributors saw p95 checkout drop from 1,100 ms
  to 870 ms.\n' ""
field briefs/order-cutoff-scaling.md status in-progress
field briefs/order-cutoff-scaling.md updated 2027-01-21
replace briefs/order-cutoff-scaling.md "review_by: 2027-01-08" $'review_by: 2027-01-08\ndecisions: [0006-partition-orders-table-by-distributor]'
replace briefs/order-cutoff-scaling.md $'1. Partition `orders` (how: to be decided).' \
    $'1. Partition `orders` by distributor\n   ([[0006-partition-orders-table-by-distributor]]).'
commit tomas 2027-01-21 10:15 "0006: hash-partition the orders table by distributor"

# Fatima drafts automated dunning; Li sends the concierge brief for review.
final briefs/dunning-automation.md
field briefs/dunning-automation.md status draft
field briefs/dunning-automation.md updated 2027-01-22
drop_field briefs/dunning-automation.md decisions
replace briefs/dunning-automation.md $'The "pay now" link uses the Stripe payment page from\n[[0007-use-stripe-for-card-and-ach-payments]].' \
    $'The payment provider for the "pay now" link is not\nchosen yet.'
replace briefs/dunning-automation.md "- [x] Accounts in a save plan" "- [ ] Accounts in a save plan"
replace briefs/dunning-automation.md $'Dry run on 18 February with the 38 open January invoices, first real send on
19 February ([[g-2027-w07-dunning-emails]]), day-14 and day-30 emails in March.' \
    "First real send in February, day-14 and day-30 emails in March."
commit fatima 2027-01-22 11:30 "Automated dunning brief (draft)"

field briefs/onboarding-concierge.md status in-review
field briefs/onboarding-concierge.md updated 2027-01-22
commit li 2027-01-22 14:05 "Onboarding concierge: ready for review"

# ---------------------------------------------------------------------------------------------
# 2027-W04
# ---------------------------------------------------------------------------------------------

# Monday: Hannah revises the working agreements; Fatima's dunning brief goes to review;
# Olga counts the saved accounts.
final notes/working-agreements.md
commit hannah 2027-01-25 09:00 "Working agreements: January revision (office team days)"

field briefs/dunning-automation.md status in-review
field briefs/dunning-automation.md updated 2027-01-25
commit fatima 2027-01-25 10:20 "Dunning automation: ready for review"

field goals/g-2027-q1-churn-saves.md updated 2027-01-25
replace goals/g-2027-q1-churn-saves.md "current: 2" "current: 4"
replace briefs/at-risk-account-playbook.md "on the 15 accounts in [[g-2027-q1-churn-saves]]." \
    $'on the 15 accounts in [[g-2027-q1-churn-saves]]. Olga reviews\nthe red list every Monday in the planning meeting.'
field briefs/at-risk-account-playbook.md updated 2027-01-25
commit olga 2027-01-25 10:40 "Churn saves: 4 of 15; the red list goes to Monday planning"

# Ken drops SMS notifications after the review.
final briefs/sms-delivery-notifications.md
replace goals/g-2027-q1-driver-adoption.md "SMS notifications to restaurants are in review" "The SMS notification idea was dropped"
commit ken 2027-01-26 13:50 "Drop SMS delivery notifications"

# The decision review: the CSV export is deprecated, the ledger and invoice decisions are
# filed under the DSO goal.
final decisions/0001-use-postgres-for-ledger.md decisions/0002-render-invoices-with-typst.md decisions/0005-nightly-csv-export-to-erp.md
commit tomas 2027-01-27 15:10 "Decision review: deprecate 0005, file 0001 and 0002 under the DSO goal"

# Dan and Marco choose Stripe; the dunning brief links it.
final decisions/0007-use-stripe-for-card-and-ach-payments.md
replace decisions/0007-use-stripe-for-card-and-ach-payments.md "  [portal card payments](../briefs/portal-card-payments.md) brief." \
    "  portal card payments brief (to be written)."
field briefs/dunning-automation.md updated 2027-01-28
replace briefs/dunning-automation.md "review_by: 2027-02-05" $'review_by: 2027-02-05\ndecisions: [0007-use-stripe-for-card-and-ach-payments]'
replace briefs/dunning-automation.md $'The payment provider for the "pay now" link is not\nchosen yet.' \
    $'The "pay now" link uses the Stripe payment page from\n[[0007-use-stripe-for-card-and-ach-payments]].'
commit dan 2027-01-28 11:00 "0007: Stripe for card and ACH payments"

# Dan drafts card payments in the portal.
final briefs/portal-card-payments.md decisions/0007-use-stripe-for-card-and-ach-payments.md
field briefs/portal-card-payments.md status draft
field briefs/portal-card-payments.md updated 2027-01-29
commit dan 2027-01-29 14:40 "Card and ACH payments in the portal (draft)"

# ---------------------------------------------------------------------------------------------
# 2027-W05
# ---------------------------------------------------------------------------------------------

# Monday: January's numbers.
final goals/g-2027-break-even.md
field goals/g-2027-q1-dso.md updated 2027-02-01
replace goals/g-2027-q1-dso.md "current: 51" "current: 50"
replace goals/g-2027-q1-dso.md "current: 25" "current: 28"
commit dan 2027-02-01 08:40 "January numbers: ARR 5.0M, burn 245k, DSO 50 days"

final goals/g-2027-retention.md
commit maria 2027-02-01 09:05 "Retention: January NRR and churn"

replace goals/g-2027-mobile-delivery.md "current: 41" "current: 47"
replace goals/g-2027-mobile-delivery.md "current: 5.8" "current: 5.1"
field goals/g-2027-mobile-delivery.md updated 2027-02-01
commit marco 2027-02-01 09:10 "Driver app: 47% of deliveries confirmed in the app"

field goals/g-2027-q1-driver-adoption.md updated 2027-02-01
replace goals/g-2027-q1-driver-adoption.md "current: 41" "current: 47"
replace goals/g-2027-q1-driver-adoption.md "current: 2" "current: 7"
replace goals/g-2027-q1-onboarding.md "current: 22" "current: 21"
replace goals/g-2027-q1-onboarding.md "current: 58" "current: 61"
field goals/g-2027-q1-onboarding.md updated 2027-02-01
commit aisha 2027-02-01 09:15 "Driver adoption: 7 depots trained"

replace goals/g-2027-q1-portal-reliability.md "current: 99.6" "current: 99.68"
replace goals/g-2027-q1-portal-reliability.md "current: 2300" "current: 1900"
field goals/g-2027-q1-portal-reliability.md updated 2027-02-01
commit priya 2027-02-01 09:30 "Portal reliability: January cutoff numbers"

final decisions/0011-offer-annual-prepay-discount.md
commit ruth 2027-02-01 16:20 "0011: what is still open after the 20 January discussion"

# Aisha starts building offline mode.
field briefs/offline-delivery-confirmation.md status in-progress
field briefs/offline-delivery-confirmation.md updated 2027-02-02
replace decisions/0009-sync-driver-app-via-event-log.md "* Bad, because the server needs conflict rules" \
    $'* Good, because battery use on a 9-hour route fell by about a fifth in the first test.\n* Bad, because the server needs conflict rules'
field decisions/0009-sync-driver-app-via-event-log.md updated 2027-02-02
commit aisha 2027-02-02 10:30 "Offline delivery: building; battery numbers from the first test route"

# Wednesday: the concierge brief is approved, card payments go to review, Priya proposes
# feature flags for the cutoff work.
field briefs/onboarding-concierge.md status approved
field briefs/onboarding-concierge.md updated 2027-02-03
replace goals/g-2027-q1-onboarding.md "- [ ] Approve the" "- [x] Approve the"
field goals/g-2027-q1-onboarding.md updated 2027-02-03
commit li 2027-02-03 10:00 "Onboarding concierge approved by Olga and María"

final briefs/portal-card-payments.md
commit dan 2027-02-03 11:20 "Portal card payments: ready for review"

final decisions/0012-self-host-feature-flags-with-unleash.md
field decisions/0012-self-host-feature-flags-with-unleash.md status proposed
field decisions/0012-self-host-feature-flags-with-unleash.md date 2027-02-03
field decisions/0012-self-host-feature-flags-with-unleash.md updated 2027-02-03
replace decisions/0012-self-host-feature-flags-with-unleash.md "Chosen option:" "Proposed option:"
drop_section decisions/0012-self-host-feature-flags-with-unleash.md "### Confirmation"
commit priya 2027-02-03 15:30 "Propose 0012: self-hosted Unleash for feature flags"

# Thursday: Sofia starts the driver app redesign; María proposes what to meter.
final briefs/driver-app-redesign-v3.md
field briefs/driver-app-redesign-v3.md updated 2027-02-04
replace briefs/driver-app-redesign-v3.md "From depot visits (11 so far)" "From depot visits (7 so far)"
replace briefs/driver-app-redesign-v3.md " Test with the Tacoma depot first: they gave the most feedback." ""
replace goals/g-2027-mobile-delivery.md "No brief yet." $'See the\n   [redesign brief](../briefs/driver-app-redesign-v3.md) (draft).'
commit sofia 2027-02-04 13:15 "Driver app v3 redesign brief (draft)"

final decisions/0010-meter-usage-on-delivered-order-lines.md
field decisions/0010-meter-usage-on-delivered-order-lines.md date 2027-02-04
field decisions/0010-meter-usage-on-delivered-order-lines.md updated 2027-02-04
drop_section decisions/0010-meter-usage-on-delivered-order-lines.md "## Decision Drivers"
replace decisions/0010-meter-usage-on-delivered-order-lines.md $'\n* Open: how to count credit notes for damaged goods (Fatima to propose by 2027-02-24).' ""
replace briefs/usage-based-pricing.md "What counts as an order line is still open." \
    "What counts as an order line is [[0010-meter-usage-on-delivered-order-lines]]."
replace briefs/usage-based-pricing.md "review_by: 2027-02-24" $'review_by: 2027-02-24\ndecisions: [0010-meter-usage-on-delivered-order-lines]'
field briefs/usage-based-pricing.md updated 2027-02-04
replace goals/g-2027-q1-usage-pricing.md "- [ ] Metering decision accepted" "- [ ] Metering decision accepted ([[0010-meter-usage-on-delivered-order-lines]])"
field goals/g-2027-q1-usage-pricing.md updated 2027-02-04
final notes/glossary.md
commit maria 2027-02-04 16:45 "Propose 0010: meter delivered order lines; 'order line' in the glossary"

# ---------------------------------------------------------------------------------------------
# 2027-W06, the week the demo's digest shows (Monday 8 to Sunday 14 February)
# ---------------------------------------------------------------------------------------------

# Monday before planning: the digest becomes part of the ritual, and the week goals are set.
final notes/weekly-planning.md
commit hannah 2027-02-08 08:30 "Planning: start from the Monday digest"

final goals/g-2027-w06-offline-sync-spike.md
field goals/g-2027-w06-offline-sync-spike.md status active
field goals/g-2027-w06-offline-sync-spike.md updated 2027-02-08
replace goals/g-2027-w06-offline-sync-spike.md "current: 500" "current: 0"
drop_section goals/g-2027-w06-offline-sync-spike.md "## Result (Friday, Ken)"
commit ken 2027-02-08 08:45 "Week goal: offline sync spike"

final goals/g-2027-w06-save-calls.md
field goals/g-2027-w06-save-calls.md status active
field goals/g-2027-w06-save-calls.md updated 2027-02-08
replace goals/g-2027-w06-save-calls.md "current: 3" "current: 0"
drop_section goals/g-2027-w06-save-calls.md "## Result"
replace goals/g-2027-q1-churn-saves.md "current: 4" "current: 6"
field goals/g-2027-q1-churn-saves.md updated 2027-02-08
commit olga 2027-02-08 08:55 "Churn saves: 6 of 15; week goal: executive calls with the last five red accounts"

replace goals/g-2027-q1-driver-adoption.md "current: 7" "current: 9"
field goals/g-2027-q1-driver-adoption.md updated 2027-02-08
commit aisha 2027-02-08 09:05 "Driver adoption: 9 depots trained"

# Nadia writes up the first infrastructure saving (and forgets to update the goal's date).
final briefs/rds-rightsizing.md
field briefs/rds-rightsizing.md status draft
field briefs/rds-rightsizing.md updated 2027-02-08
final goals/g-2027-q1-infra-cost.md
commit nadia 2027-02-08 14:20 "RDS right-sizing brief (draft)"

# Tuesday: RDS goes to review, dunning is approved, the metering proposal gets its drivers.
final briefs/rds-rightsizing.md
commit nadia 2027-02-09 09:40 "RDS right-sizing: ready for review (Priya, Tomás)"

field briefs/dunning-automation.md status approved
field briefs/dunning-automation.md updated 2027-02-09
replace briefs/dunning-automation.md "- [ ] Accounts in a save plan" "- [x] Accounts in a save plan"
commit fatima 2027-02-09 11:15 "Dunning automation approved; accounts in a save plan excluded from day-30 emails"

final decisions/0010-meter-usage-on-delivered-order-lines.md
field decisions/0010-meter-usage-on-delivered-order-lines.md updated 2027-02-09
replace decisions/0010-meter-usage-on-delivered-order-lines.md $'\n* Open: how to count credit notes for damaged goods (Fatima to propose by 2027-02-24).' ""
commit maria 2027-02-09 15:50 "0010: decision drivers from Tuesday's pricing workshop"

# Wednesday: Dan's mid-month DSO.
final goals/g-2027-q1-dso.md
commit dan 2027-02-10 10:05 "DSO 49 days, 31% of invoices paid online; work table updated"

# Thursday: feature flags accepted, the first partition batch goes live behind them;
# usage-based pricing goes to review.
final decisions/0012-self-host-feature-flags-with-unleash.md
replace briefs/order-cutoff-scaling.md "decisions: [0006-partition-orders-table-by-distributor]" \
    "decisions: [0006-partition-orders-table-by-distributor, 0012-self-host-feature-flags-with-unleash]"
replace briefs/order-cutoff-scaling.md "3. Send order confirmation emails from a queue instead of inside the request." \
    $'3. Send order confirmation emails from a queue instead of inside the request.\n4. Ship every step behind a flag ([[0012-self-host-feature-flags-with-unleash]]) and\n   turn it on per distributor batch.'
replace briefs/order-cutoff-scaling.md "| week 6 |" "| 2027-02-11 |"
field briefs/order-cutoff-scaling.md updated 2027-02-11
replace goals/g-2027-q1-portal-reliability.md "queue confirmation emails." \
    $'queue confirmation emails.\n- [[0012-self-host-feature-flags-with-unleash]] so that risky changes ship dark.'
commit priya 2027-02-11 11:30 "0012 accepted: Unleash is running; first partition batch live behind a flag"

final briefs/usage-based-pricing.md decisions/0010-meter-usage-on-delivered-order-lines.md goals/g-2027-q1-usage-pricing.md
commit maria 2027-02-11 16:10 "Usage-based pricing: ready for review; goal at risk until billing is estimated"

# Friday: the spike worked; offline mode moves on. Hannah's move is under way.
final goals/g-2027-w06-offline-sync-spike.md decisions/0004-use-sqlite-on-device-for-offline-queue.md
final decisions/0009-sync-driver-app-via-event-log.md
commit ken 2027-02-12 10:20 "Offline sync spike achieved: 500 confirmations, no loss, no duplicates"

final goals/g-2027-q1-offline-mode.md briefs/offline-delivery-confirmation.md
commit aisha 2027-02-12 13:40 "Offline mode at 40%: spike done; photos upload separately"

final briefs/office-move-checklist.md
commit hannah 2027-02-12 15:00 "Office move: lease signed, movers booked"

# ---------------------------------------------------------------------------------------------
# 2027-W07 (up to Wednesday 17 February, the demo's today)
# ---------------------------------------------------------------------------------------------

# Monday: last week's goals closed, this week's set, quarter goals updated.
final goals/g-2027-w06-save-calls.md
commit olga 2027-02-15 08:20 "Save calls missed: 3 of 5 held"

final goals/g-2027-w07-depot-training.md goals/g-2027-q1-driver-adoption.md
field goals/g-2027-w07-depot-training.md updated 2027-02-15
replace goals/g-2027-w07-depot-training.md "current: 2" "current: 0"
replace goals/g-2027-w07-depot-training.md "- [x] Greenfield Produce, Salem depot — 26 drivers, all confirmed a delivery" \
    "- [ ] Greenfield Produce, Salem depot — Monday"
replace goals/g-2027-w07-depot-training.md "- [x] Harbor Fresh Foods, Tacoma depot — 31 drivers, 4 on leave" \
    "- [ ] Harbor Fresh Foods, Tacoma depot — Tuesday"
replace goals/g-2027-w07-depot-training.md $'\n\nFeedback from Tacoma: the "Delivered" button is too small with winter gloves. Added to\nthe [redesign brief](../briefs/driver-app-redesign-v3.md).' ""
commit aisha 2027-02-15 08:40 "Week goal: three more depots; 11 trained so far"

final goals/g-2027-w07-checkout-p95.md
field goals/g-2027-w07-checkout-p95.md updated 2027-02-15
replace goals/g-2027-w07-checkout-p95.md "current: 1040" "current: 1100"
replace goals/g-2027-w07-checkout-p95.md "- [x] Partition migration for batch 2 (Monday night, 35 min, no errors)" \
    "- [ ] Partition migration for batch 2 (Monday night)"
replace goals/g-2027-w07-checkout-p95.md $'\n\nMonday\'s cutoff p95 was 1,040 ms (last week 1,100 ms).' ""
commit jonas 2027-02-15 08:50 "Week goal: checkout p95 under 900 ms"

final goals/g-2027-q1-portal-reliability.md briefs/order-cutoff-scaling.md decisions/0006-partition-orders-table-by-distributor.md
commit tomas 2027-02-15 09:00 "Cutoff: first 40 distributors partitioned, p95 1,100 ms"

final goals/g-2027-w07-dunning-emails.md briefs/dunning-automation.md
field goals/g-2027-w07-dunning-emails.md progress '"20%"'
field goals/g-2027-w07-dunning-emails.md updated 2027-02-15
replace goals/g-2027-w07-dunning-emails.md "- [x] Sending through" "- [ ] Sending through"
replace goals/g-2027-w07-dunning-emails.md "- [x] Unsubscribe replaced" "- [ ] Unsubscribe replaced"
replace goals/g-2027-w07-dunning-emails.md "at 60 %." "at 20 %."
commit fatima 2027-02-15 09:10 "Week goal: first automated dunning emails"

final goals/g-2027-w07-onboarding-checklist.md goals/g-2027-q1-onboarding.md briefs/onboarding-concierge.md
field goals/g-2027-w07-onboarding-checklist.md updated 2027-02-15
replace goals/g-2027-w07-onboarding-checklist.md "current: 1" "current: 0"
replace goals/g-2027-w07-onboarding-checklist.md "| Cascade Provisions | yes | yes | yes (Tuesday) |" "| Cascade Provisions | yes | yes | — |"
commit li 2027-02-15 09:20 "Onboarding at risk: median 17 days; week goal: four distributors through the checklist"

# Tuesday.
final goals/g-2027-q1-churn-saves.md briefs/at-risk-account-playbook.md
commit olga 2027-02-16 10:00 "Churn saves: 7 of 15 (Lone Pine Meats signed its save plan)"

final notes/team-growth.md
commit maria 2027-02-16 11:30 "Growth page: who to ask for what"

final goals/g-2027-w07-checkout-p95.md
commit jonas 2027-02-16 12:10 "Batch 2 partitioned; Monday's p95 1,040 ms"

final goals/g-2027-w07-onboarding-checklist.md
commit li 2027-02-16 15:45 "Cascade Provisions placed its first order"

# Wednesday morning.
final goals/g-2027-w07-depot-training.md
commit aisha 2027-02-17 08:30 "Salem and Tacoma depots trained"

final briefs/driver-app-redesign-v3.md
commit sofia 2027-02-17 09:45 "Redesign: glove feedback from Tacoma"

final goals/g-2027-w07-dunning-emails.md
commit fatima 2027-02-17 10:30 "Dunning emails: templates approved, sending set up"

# The sample's README, last.
final README.md
commit marco 2027-02-17 11:00 "README: what this sample knowledge base shows"

# The history ends with the example exactly, its bearing.yml reading this history.
diff -r -x .git -x _site -x bearing.yml "$src" "$dest" >&2 || fail "the last commit differs from examples/northwind"
diff <(without_history_off "$src/bearing.yml") bearing.yml >&2 || fail "bearing.yml differs from the example's"
[ -z "$(git status --porcelain)" ] || fail "files left uncommitted"
echo "$dest: $(git rev-list --count HEAD) commits, from 2027-01-08 to 2027-02-17"
