// Councils' public surface. Other libs reach the council through COUNCIL_MOTIONS and `councils.motion-decided`
// (both in platform); they never read councils tables.
export { CouncilsModule } from './councils.module';
