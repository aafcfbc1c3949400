package kb

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Format writes an entry as a knowledge file that Check accepts.
func Format(e domain.Entry) ([]byte, error) {
	fm := frontMatter{ID: e.ID, Question: e.Question, Phrasings: e.Phrasings, Keywords: e.Keywords,
		Source: e.Source, Answer: e.Answer, Author: e.Author, TaughtAt: e.TaughtAt, Thread: e.Thread}
	var head bytes.Buffer
	enc := yaml.NewEncoder(&head)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, fmt.Errorf("encode %s: %w", e.ID, err)
	}
	var b bytes.Buffer
	b.WriteString(fence + "\n")
	b.Write(head.Bytes())
	b.WriteString(fence + "\n")
	if d := strings.TrimSpace(e.Detail); d != "" {
		b.WriteString(d + "\n")
	}
	return b.Bytes(), nil
}

// Export writes entries into dir as <id>.md files and returns their paths.
func Export(dir string, entries []domain.Entry) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	var paths []string
	for _, e := range entries {
		data, err := Format(e)
		if err != nil {
			return paths, err
		}
		p := filepath.Join(dir, e.ID+".md")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return paths, fmt.Errorf("write %s: %w", p, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
