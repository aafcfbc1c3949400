package assistant

// What the line says, in the operator's voice. All GSM-7, each within two segments.
const (
	textIntro = "SideGuy's automated line here; PJ, a real person, reads what I can't answer."
	// The %s in these is when: "", " today", " by tomorrow morning", " on Monday".
	textEscalated      = "Honest answer: that one needs a person, not this line, and I'd rather not guess. I've passed it to PJ, who will text you back here%s."
	textAskedForPerson = "Sure. I've passed this thread to PJ, who will text you back here%s."
	textSaidWrong      = "Thanks for telling me. I've passed this thread to PJ, who will check it and text you back here%s."
	textPaused         = "Thanks for your question. PJ is answering texts personally right now and will text you back here%s."
	textHold           = "Got it, that's added to your thread. PJ has it and will text you back here%s."
	textMapping        = "I don't map single controls one to one by text, and I won't guess at it. I've noted the IDs and passed this to PJ, who will text you back here%s."
	textPartial        = "The other part needs a person: I've passed it to PJ, who will text you back here%s."
	textEmpty          = "That text came through empty. What's your SOC 2 or ISO 27001 question?"
	textMediaOnly      = "I can't open pictures or files here. Type your SOC 2 or ISO 27001 question in words and I'll answer or pass it to PJ."
	textNoMore         = "That's all I have on that. Ask me anything else about SOC 2 or ISO 27001, or text HUMAN for PJ."

	textHelp    = "SideGuy Text: SOC 2 and ISO 27001 answers from PJ Zonis, SideGuy Solutions. For a person, text HUMAN and PJ will reply here. Reply STOP to opt out. Msg & data rates may apply."
	textStopped = "You're opted out of SideGuy Text and won't get more messages. Reply START to opt back in."
	textStarted = "You're opted back in to SideGuy Text. Text your SOC 2 or ISO 27001 question anytime. Reply STOP to opt out, HELP for help. Msg & data rates may apply."
)

// talkText answers small talk in kind. Once the line has introduced itself it
// keeps it short.
func talkText(kind string, introduced bool) string {
	switch kind {
	case "greeting":
		if introduced {
			return "Hi again! What's your SOC 2 or ISO 27001 question?"
		}
		return "Hi! Text me your SOC 2 or ISO 27001 question, e.g. how much do they overlap?"
	case "thanks":
		return "You're welcome. Text me anytime you have another SOC 2 or ISO 27001 question."
	case "bye":
		return "Take care. I'm here whenever a SOC 2 or ISO 27001 question comes up."
	default:
		return "Got it. Anything else on SOC 2 or ISO 27001, just text me."
	}
}
