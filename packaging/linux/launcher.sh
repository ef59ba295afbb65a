#!/bin/sh
# The Linux app image's bin/notion-console (the build copies this file over jpackage's native launcher).
# jpackage 17's native launcher asks rpm and dpkg, twice, which package owns it before it starts the JVM: about
# 0.3-0.5 s of every start (docs/decisions/0189-linux-launcher-script.md). This starts the same JVM the same way,
# with the options read from the image's own lib/app/<name>.cfg, which jpackage writes from packaging/jpackage/,
# and for the GUI the class-data archive an earlier start recorded (below).

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
# No arguments: the GUI. It maps the app's class-data archive itself when an earlier start recorded one, so the GUI
# is this one JVM, with no launcher JVM waiting beside it (docs/decisions/0193). The first start has none: the app's
# own launcher records it, in a child JVM, into the file named here. The GUI's JVM options are the cfg's own
# (packaging/jpackage/image.args, kept equal to the jar's child options by ArchivePlanTest).
if [ "$count" -eq 0 ]; then
    cache=${NOTION_CONSOLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/notion-console}
    # The last GPU probe, on this display and within the week, found none: GTK need not set up OpenGL, which here
    # loads Mesa's software OpenGL for nothing (docs/decisions/0196). The same rule as launch.RenderingMemo and GtkGl,
    # whose JVM side sets prism.order=sw from the same memo; the user's own GDK_GL wins.
    memo=$cache/rendering
    if [ -z "${GDK_GL+set}" ] && [ -n "$(find "$memo" -mtime -7 2>/dev/null)" ] \
        && [ "$(cat "$memo" 2>/dev/null)" = "software ${DISPLAY:-}|${WAYLAND_DISPLAY:-}" ]; then
        GDK_GL=disable
        NOTION_CONSOLE_SET_GDK_GL=1
        export GDK_GL NOTION_CONSOLE_SET_GDK_GL
    fi
    case ${NOTION_CONSOLE_CDS:-on} in
        off | OFF | false | 0 | no) ;;
        *)
            # the image's path and the jar's size and time: another install, or a new build, gets its own archive
            where=$(printf '%s' "$APP" | cksum) || where=0
            stamp=$(stat -c '%s-%Y' "$classpath" 2>/dev/null) || stamp=0
            archive=$cache/cds/notion-console-image-${where%% *}-$stamp.jsa
            if [ -r "$archive" ]; then
                # -Xshare:auto: an archive the JVM cannot use is skipped, never fatal
                set -- "$@" -Xshare:auto "-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
                    -Dnotionconsole.cds.child=true
                # as the app's launcher sets it for its child: fewer glibc malloc arenas, less resident memory
                MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
                export MALLOC_ARENA_MAX
            else
                set -- "$@" "-Dnotionconsole.cds.archive=$archive"
            fi
            ;;
    esac
fi
set -- "$@" -cp "$classpath" "$mainclass"
while [ "$count" -gt 0 ]; do
    set -- "$@" "$1"
    shift
    count=$((count - 1))
done
exec "$APP/lib/runtime/bin/java" "$@"
