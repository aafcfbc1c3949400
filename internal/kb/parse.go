package kb

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Problem is one thing wrong with a knowledge file, located by file and line.
type Problem struct {
	File string
	Line int
	Msg  string
	// Warning problems are reported but do not fail a check.
	Warning bool
}

func (p Problem) String() string {
	level := "error"
	if p.Warning {
		level = "warning"
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, level, p.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", p.File, level, p.Msg)
}

// frontMatter is the YAML header of a knowledge file.
type frontMatter struct {
	ID        string   `yaml:"id"`
	Question  string   `yaml:"question"`
	Phrasings []string `yaml:"phrasings"`
	Keywords  []string `yaml:"keywords"`
	Source    string   `yaml:"source"`
	Answer    string   `yaml:"answer"`
	// Written by `sideguy kb export` for entries the operator taught.
	Author   string     `yaml:"author,omitempty"`
	TaughtAt *time.Time `yaml:"taught_at,omitempty"`
	Thread   uint64     `yaml:"thread,omitempty"`
}

// parsed is an entry with the line of each field, for error messages.
type parsed struct {
	entry domain.Entry
	lines map[string]int
	// bodyLine is the first line of the detail.
	bodyLine int
}

const fence = "---"

// lineBreaks turns every line break YAML knows into LF.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n")

// parseFile reads one knowledge file. A problem means the file could not be read
// as an entry at all.
func parseFile(name string, data []byte) (parsed, *Problem) {
	// YAML breaks lines at CR, NEL, LS and PS as well as LF: so must the
	// line numbers of problems.
	text := lineBreaks.Replace(string(data))
	if !strings.HasPrefix(text, fence+"\n") {
		return parsed{}, &Problem{File: name, Line: 1, Msg: "missing front matter: the file must start with a line of ---"}
	}
	rest := text[len(fence)+1:]
	end := strings.Index(rest, "\n"+fence+"\n")
	bodyStart := end + len(fence) + 2
	if end < 0 {
		if strings.HasSuffix(rest, "\n"+fence) {
			end = len(rest) - len(fence) - 1
			bodyStart = len(rest)
		} else {
			return parsed{}, &Problem{File: name, Line: 1, Msg: "front matter is not closed by a line of ---"}
		}
	}
	header := rest[:end]
	var node yaml.Node
	if err := yaml.Unmarshal([]byte(header), &node); err != nil {
		return parsed{}, &Problem{File: name, Line: yamlErrorLine(err) + 1, Msg: "front matter: " + yamlErrorText(err)}
	}
	var fm frontMatter
	dec := yaml.NewDecoder(bytes.NewReader([]byte(header)))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil {
		return parsed{}, &Problem{File: name, Line: yamlErrorLine(err) + 1, Msg: "front matter: " + yamlErrorText(err)}
	}
	p := parsed{lines: map[string]int{}}
	if len(node.Content) == 1 && node.Content[0].Kind == yaml.MappingNode {
		m := node.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			p.lines[m.Content[i].Value] = m.Content[i].Line + 1 // +1 for the opening fence
		}
	}
	body := rest[min(bodyStart, len(rest)):]
	p.bodyLine = strings.Count(text[:len(text)-len(body)], "\n") + 1
	p.entry = domain.Entry{
		ID:        strings.TrimSpace(fm.ID),
		Question:  strings.TrimSpace(fm.Question),
		Phrasings: trimAll(fm.Phrasings),
		Keywords:  trimAll(fm.Keywords),
		Source:    strings.TrimSpace(fm.Source),
		Answer:    strings.TrimSpace(fm.Answer),
		Detail:    strings.TrimSpace(body),
		File:      name,
		Author:    strings.TrimSpace(fm.Author),
		TaughtAt:  fm.TaughtAt,
		Thread:    fm.Thread,
	}
	return p, nil
}

func trimAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// yamlErrorLine finds the line yaml.v3 names in its error ("yaml: line 3: …").
func yamlErrorLine(err error) int {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &line)
	}
	return line
}

func yamlErrorText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	if strings.HasPrefix(msg, "line ") {
		if _, rest, ok := strings.Cut(msg, ": "); ok {
			msg = rest // the line is already in the problem's position
		}
	}
	return msg
}
