package assistant

// What the line says, in the operator's voice. All GSM-7, each within two segments.
const (
	textIntro = "SideGuy here. This is an automated line; PJ, a real person, reads anything it can't answer."
	// The %s in these is when: "", " today", " by tomorrow morning", " on Monday".
	textEscalated      = "Honest answer: that one needs a person, not this line, and I'd rather not guess. I've passed it to PJ, who will text you back here%s."
	textAskedForPerson = "Sure. I've passed this thread to PJ, who will text you back here%s."
	textSaidWrong      = "Thanks for telling me. I've passed this thread to PJ, who will check it and text you back here%s."
	textPaused         = "Thanks for your question. PJ is answering texts personally right now and will text you back here%s."
	textHold           = "Got it, that's added to your thread. PJ has it and will text you back here%s."
	textEmpty          = "That text came through empty. What's your SOC 2 or ISO 27001 question?"
	textMediaOnly      = "I can't open pictures or files here. Type your SOC 2 or ISO 27001 question in words and I'll answer or pass it to PJ."

	textHelp    = "SideGuy Text: SOC 2 and ISO 27001 answers from PJ Zonis, SideGuy Solutions. For a person, text HUMAN and PJ will reply here. Reply STOP to opt out. Msg & data rates may apply."
	textStopped = "You're opted out of SideGuy Text and won't get more messages. Reply START to opt back in."
	textStarted = "You're opted back in to SideGuy Text. Text your SOC 2 or ISO 27001 question anytime. Reply STOP to opt out, HELP for help. Msg & data rates may apply."
)
