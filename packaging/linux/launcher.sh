#!/bin/sh
# The Linux app image's bin/notion-console (the build copies this file over jpackage's native launcher).
# jpackage 17's native launcher asks rpm and dpkg, twice, which package owns it before it starts the JVM: about
# 0.3-0.5 s of every start (docs/decisions/0189-linux-launcher-script.md). This starts the same JVM the same way,
# with the options read from the image's own lib/app/<name>.cfg, which jpackage writes from packaging/jpackage/.

# the image's root, through any symlink (a package may link /usr/bin/notion-console to /opt/notion-console/bin/...)
self=$(readlink -f "$0") || exit 1
bin=${self%/*}
APP=${bin%/*}
cfg=$APP/lib/app/${self##*/}.cfg
if [ ! -r "$cfg" ]; then
    echo "${self##*/}: cannot read $cfg" >&2
    exit 1
fi

# the cfg's $APPDIR, $BINDIR and $ROOTDIR, as the native launcher expands them; the result goes to $value
expand() {
    value=$1
    for token in APPDIR BINDIR ROOTDIR; do
        case $token in
            APPDIR) dir=$APP/lib/app ;;
            BINDIR) dir=$bin ;;
            ROOTDIR) dir=$APP ;;
        esac
        rest=$value
        value=
        while :; do
            case $rest in
                *"\$$token"*) value=$value${rest%%"\$$token"*}$dir; rest=${rest#*"\$$token"} ;;
                *) value=$value$rest; break ;;
            esac
        done
    done
}

# the JVM's arguments go after the user's in "$@" (plain sh has no arrays), which are then rotated to the end
count=$#
section=
classpath=
mainclass=
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        '['*']') section=$line ;;
        *=*)
            expand "${line#*=}"
            case $section${line%%=*} in
                '[Application]app.classpath') classpath=${classpath:+$classpath:}$value ;;
                '[Application]app.mainclass') mainclass=$value ;;
                '[JavaOptions]java-options') set -- "$@" "$value" ;;
            esac
            ;;
    esac
done < "$cfg"
if [ -z "$classpath" ] || [ -z "$mainclass" ]; then
    echo "${self##*/}: no app.classpath or app.mainclass in $cfg" >&2
    exit 1
fi
set -- "$@" -cp "$classpath" "$mainclass"
while [ "$count" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    count=$((count - 1))
done
exec "$APP/lib/runtime/bin/java" "$@"
