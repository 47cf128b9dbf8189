#!/usr/bin/env python3
"""The build plan of the fuzzing targets, read from the package manifest.

    plan.py MANIFEST.json closure MODULE...   modules MODULE... need, in build order
    plan.py MANIFEST.json native              every C and system-library target

MANIFEST.json is `swift package dump-package`; paths are relative to
$PACKAGE_ROOT (default: the current directory). Each line printed is
    KIND <tab> NAME <tab> DIRECTORY <tab> DEPENDENCIES (comma-separated, or -) <tab> EXTRA
KIND is c (a C target: DIRECTORY holds its .c files and include/), swift, or
system (a system library: DIRECTORY holds its module map). EXTRA is
"migrations" for a target built with the EmbedMigrations plugin (the fuzzing
build gives it an empty list of migrations), else -. Names that are not
targets of the package (Foundation, Glibc, products of other packages) are
left out: the fuzzing targets only reach this package's own modules.

Scripts/fuzz.sh and Scripts/sanitize-c.sh use it, so that a module added,
renamed or split in Package.swift needs no change there.
"""
import json
import os
import sys


def main():
    manifest_path, command, *names = sys.argv[1:]
    manifest = json.load(open(manifest_path))
    root = os.environ.get("PACKAGE_ROOT", os.getcwd())
    targets = {t["name"]: t for t in manifest["targets"]}

    def directory(target):
        if target.get("path"):
            return os.path.join(root, target["path"])
        kind = "Tests" if target["type"] == "test" else "Sources"
        return os.path.join(root, kind, target["name"])

    def dependencies(target):
        found = []
        for dependency in target["dependencies"]:
            for value in dependency.values():
                name = value[0] if isinstance(value, list) else value
                if name in targets:
                    found.append(name)
        return found

    def kind(target):
        if target["type"] == "system":
            return "system"
        path = directory(target)
        for _, _, files in os.walk(path):
            if any(f.endswith((".c", ".m", ".cpp")) for f in files):
                return "c"
        return "swift"

    def extra(target):
        plugins = [u["plugin"][0] for u in target.get("pluginUsages") or []]
        unknown = [p for p in plugins if p != "EmbedMigrations"]
        if unknown:
            sys.exit(f"plan.py: {target['name']} uses the plugin {', '.join(unknown)}, which the fuzzing build cannot run")
        if target.get("resources"):
            sys.exit(f"plan.py: {target['name']} has resources, which the fuzzing build cannot bundle")
        return "migrations" if plugins else "-"

    def line(name):
        target = targets[name]
        deps = dependencies(target)
        return "\t".join([kind(target), name, directory(target), ",".join(deps) or "-", extra(target)])

    if command == "native":
        for name, target in targets.items():
            if target["type"] in ("regular", "system") and kind(target) in ("c", "system"):
                print(line(name))
        return
    if command != "closure":
        sys.exit(f"plan.py: no command {command}")
    order, seen = [], set()

    def visit(name):
        if name in seen or name not in targets:
            return
        seen.add(name)
        for dependency in dependencies(targets[name]):
            visit(dependency)
        order.append(name)

    for name in names:
        visit(name)
    for name in order:
        print(line(name))


if __name__ == "__main__":
    main()
