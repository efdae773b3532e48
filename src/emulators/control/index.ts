export { serveControlled, routeKey, type ControlledServer, type ControlledServerOptions } from './server.js';
export { googleFamily, graphFamily, type EmulatorFamily, type MailboxSnapshot } from './families.js';
export { parseFaultRules, parseFaultRulesText, faultRuleSchema, FaultBook, FaultRulesError, FAULT_KINDS, type FaultRule, type FaultKind } from './fault-rules.js';
