package main

import (
	"fmt"
	"runtime/debug"
)

// version describes the build from the module and VCS information Go embeds.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "sideguy (unknown build)"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		return fmt.Sprintf("sideguy %s (%s%s, %s)", v, rev, modified, info.GoVersion)
	}
	return fmt.Sprintf("sideguy %s (%s)", v, info.GoVersion)
}
