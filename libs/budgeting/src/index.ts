// Participatory budgeting's public surface. So far: the tally rules and Pabulib `.pb` files
// (the cycle, proposal, ballot and results parts of the lib come with the budgeting issue).
export * from './tally.public';
