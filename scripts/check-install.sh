#!/usr/bin/env bash
# Installs into a scratch DESTDIR, checks every installed file and that the installed binary alone writes the weekly
# report from an empty folder, then uninstalls and checks nothing is left. The release build takes several minutes.
set -euo pipefail
prefix=${PREFIX:-/usr/local}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "error: $*" >&2; exit 1; }

make install DESTDIR="$scratch/root" PREFIX="$prefix"
root="$scratch/root$prefix"
files=(bin/clarity-report share/man/man1/clarity-report.1 share/bash-completion/completions/clarity-report
       share/zsh/site-functions/_clarity-report share/fish/vendor_completions.d/clarity-report.fish)
for file in "${files[@]}"; do
  [ -s "$root/$file" ] || fail "make install did not write $prefix/$file"
done
installed=$(cd "$scratch/root" && find . -type f | sort)
[ "$(echo "$installed" | wc -l)" -eq ${#files[@]} ] || fail "make install wrote other files than expected:"$'\n'"$installed"

# The binary needs no Swift toolchain at run time: only the system's libraries.
if ldd "$root/bin/clarity-report" | grep -E 'swift|not found'; then
  fail "the installed binary links a Swift toolchain library or a missing one (above)"
fi
grep -q 'clarity-report' "$root/share/man/man1/clarity-report.1" || fail "the man page does not name the command"
grep -q 'templates' "$root/share/man/man1/clarity-report.1" || fail "the man page lacks the templates command"
bash -c "source '$root/share/bash-completion/completions/clarity-report' && complete -p clarity-report" >/dev/null \
  || fail "the bash completion does not register clarity-report"

# From folders that hold nothing, with nothing of the repository or the toolchain on PATH.
mkdir "$scratch/demo" "$scratch/cron"
(cd "$scratch/demo" && env -i PATH=/usr/bin:/bin "$root/bin/clarity-report" demo --out . --reports reports >/dev/null)
(cd "$scratch/cron" && env -i PATH=/usr/bin:/bin "$root/bin/clarity-report" weekly --store "$scratch/demo/clarity.sqlite" --out weekly.html)
grep -q '</html>' "$scratch/cron/weekly.html" || fail "the installed binary did not write the weekly report"

make uninstall DESTDIR="$scratch/root" PREFIX="$prefix"
left=$(cd "$scratch/root" && find . -type f)
[ -z "$left" ] || fail "make uninstall left files behind:"$'\n'"$left"
echo "make install and make uninstall into a scratch DESTDIR: $(echo "$installed" | wc -l) files installed, the binary writes the weekly report from an empty folder, nothing left after uninstall."
