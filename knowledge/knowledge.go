// Package knowledge embeds SideGuy's knowledge base: one Markdown file per entry.
package knowledge

import (
	"embed"
	"io/fs"
)

//go:embed entries/*.md eval/*.yaml
var files embed.FS

// Entries returns the shipped knowledge files as a file system rooted at entries/.
func Entries() fs.FS {
	sub, err := fs.Sub(files, "entries")
	if err != nil {
		panic(err) // the directory is embedded at build time; it cannot be missing
	}
	return sub
}

// Eval returns the shipped question sets (dev.yaml, check.yaml).
func Eval() fs.FS {
	sub, err := fs.Sub(files, "eval")
	if err != nil {
		panic(err) // embedded at build time
	}
	return sub
}
