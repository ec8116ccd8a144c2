// Identity's public surface. Other libs use the facade; they never read identity tables.
export { IdentityCoreModule, IdentityModule } from './identity.module';
export { AccountContact, IdentityFacade, Residency } from './identity.facade';
export { IdentityError, IdentityErrorCode } from './identity.errors';
export { ProvisionedUser, UserProvisioningService } from './services/user-provisioning.service';
export * from './dto/accounts.dto';
export * from './dto/auth.dto';
