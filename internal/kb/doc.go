// Package kb loads knowledge entries from Markdown files with YAML front matter
// and checks them against the rules an SMS answer must keep.
package kb
