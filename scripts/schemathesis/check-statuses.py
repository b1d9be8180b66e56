"""Every status that openapi.yaml documents must have been answered during the schemathesis run,
or be listed with its reason in excluded-statuses.txt.

    check-statuses.py OPENAPI_YAML EXCLUDED_STATUSES NDJSON_REPORT...

Reads the responses from schemathesis' ndjson report (`--report ndjson`). An exclusion that is
reached anyway, names no reason, or names an operation or status the spec does not document is
an error too, so the list cannot go stale. A line `* * STATUS reason` excludes a status from
every operation that documents it.
"""

import json
import sys

import yaml

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def documented(spec_path):
    spec = yaml.safe_load(open(spec_path, encoding="utf-8"))
    out = {}
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            if method in METHODS:
                out[f"{method.upper()} {path}"] = {str(s) for s in op.get("responses", {})}
    return out


def reached(ndjson_path):
    seen = {}
    for line in open(ndjson_path, encoding="utf-8"):
        event = json.loads(line)
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished.get("recorder") or {}
        label = recorder.get("label")
        for interaction in (recorder.get("interactions") or {}).values():
            response = interaction.get("response")
            if label and response:
                seen.setdefault(label, set()).add(str(response["status_code"]))
    return seen


def exclusions(path, spec, errors):
    out = {}
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 3)
        if len(parts) < 4 or not parts[3].strip():
            errors.append(f"{path}:{number}: expected `METHOD /path STATUS reason`")
            continue
        method, op_path, status, _reason = parts
        if (method, op_path) == ("*", "*"):
            labels = [label for label, statuses in spec.items() if status in statuses]
        else:
            labels = [f"{method} {op_path}"]
            if status not in spec.get(labels[0], set()):
                errors.append(f"{path}:{number}: {labels[0]} does not document {status}")
        for label in labels:
            out[(label, status)] = number
    return out


def main():
    spec_path, excluded_path, *reports = sys.argv[1:]
    errors = []
    spec = documented(spec_path)
    seen = {}
    for report in reports:
        for label, statuses in reached(report).items():
            seen.setdefault(label, set()).update(statuses)
    excluded = exclusions(excluded_path, spec, errors)
    missing = 0
    for label in sorted(spec):
        if label not in seen:
            errors.append(f"{label}: never tested")
            continue
        for status in sorted(spec[label]):
            hit = status in seen[label]
            line = excluded.get((label, status))
            if hit and line:
                errors.append(f"{excluded_path}:{line}: {label} {status} was reached: drop the exclusion")
            elif not hit and not line:
                missing += 1
                errors.append(f"{label}: documented status {status} never answered (reached: {', '.join(sorted(seen[label]))})")
    for message in errors:
        print(message)
    total = sum(len(s) for s in spec.values())
    print(f"documented statuses: {total}, reached: {total - len(excluded) - missing}, "
          f"excluded with a reason: {len(excluded)}, unreached and not excluded: {missing}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
