// Package webhooks is Twilio's side of the service: it checks X-Twilio-Signature,
// turns the form POST into an inbound text for the assistant, and answers in TwiML.
package webhooks
