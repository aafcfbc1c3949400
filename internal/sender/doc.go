// Package sender sends SMS through Twilio's REST API with twilio-go, or, in
// development without credentials, only logs them.
package sender
