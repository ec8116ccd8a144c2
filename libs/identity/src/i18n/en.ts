export const en = {
  'identity.nav.admin-accounts': 'Accounts',
  'identity.role.citizen': 'Citizen',
  'identity.role.council_member': 'Council member',
  'identity.role.staff': 'Municipal staff',
  'identity.role.moderator': 'Moderator',
  'identity.role.admin': 'Administrator',

  'identity.field.display-name': 'Your name',
  'identity.field.display-name-hint': 'Shown with your petitions and comments',
  'identity.field.email': 'E-mail address',
  'identity.field.password': 'Password',
  'identity.field.password-hint':
    'At least {min} characters. A few words in a row are easy to remember and hard to guess.',
  'identity.field.new-password': 'New password',
  'identity.field.current-password': 'Current password',
  'identity.field.login': 'E-mail or login name',

  'identity.sign-up.title': 'Create an account',
  'identity.sign-up.intro':
    'With an account you can sign petitions, propose projects and vote for your village.',
  'identity.sign-up.submit': 'Create account',
  'identity.sign-up.have-account': 'Already have an account?',

  'identity.sign-in.title': 'Sign in',
  'identity.sign-in.submit': 'Sign in',
  'identity.sign-in.forgot': 'Forgot your password?',
  'identity.sign-in.no-account': 'No account yet?',
  'identity.sign-in.create': 'Create an account',
  'identity.sign-in.code-link': 'Got a printed one-time code from the municipality?',

  'identity.code.title': 'Sign in with a one-time code',
  'identity.code.intro':
    'Type the code from the sheet you received at the municipality office. It works once.',
  'identity.code.field': 'One-time code',
  'identity.code.hint': '10 letters and digits, as printed; dashes are optional',
  'identity.code.submit': 'Sign in',

  'identity.verify.failed-title': 'This link does not work',
  'identity.verify.failed-body':
    'The link was already used or has expired. If your address is confirmed, simply sign in; otherwise register again.',

  'identity.forgot.title': 'Reset your password',
  'identity.forgot.intro':
    'Enter the e-mail address of your account. We will send you a link to choose a new password.',
  'identity.forgot.submit': 'Send me a link',

  'identity.reset.title': 'Choose a new password',
  'identity.reset.submit': 'Save the new password',

  'identity.account.title': 'Your account',
  'identity.account.name': 'Name',
  'identity.account.email': 'E-mail',
  'identity.account.login-name': 'Login name',
  'identity.account.roles': 'Roles',
  'identity.account.residency': 'Residency',
  'identity.account.resident-in': 'Verified resident of {settlement} since {date}',
  'identity.account.resident-since': 'Verified resident since {date}',
  'identity.account.not-resident':
    'Not verified yet. Bring your ID card to the municipality office to verify your residency: some votes are open to residents only.',
  'identity.account.change-password': 'Change password',
  'identity.account.set-password': 'Set a password',
  'identity.account.set-password-intro':
    'Choose a password, then sign in next time with your login name {login} and this password.',
  'identity.account.save-password': 'Save password',
  'identity.account.sign-out': 'Sign out',

  'identity.flash.check-email':
    'If the address can be used, we have sent a link to it. Please check your mail.',
  'identity.flash.email-verified': 'Your e-mail address is confirmed. You can sign in now.',
  'identity.flash.signed-in': 'You are signed in.',
  'identity.flash.signed-out': 'You are signed out.',
  'identity.flash.password-reset': 'Your password was changed. Please sign in with the new one.',
  'identity.flash.password-changed': 'Your password was changed.',
  'identity.flash.code-signed-in': 'Welcome! The printed code works only once, so please set a password now.',
  'identity.flash.role-granted': 'The role was granted.',
  'identity.flash.role-revoked': 'The role was revoked.',
  'identity.flash.residency-verified': 'Residency recorded as verified.',

  'identity.admin.title': 'Accounts',
  'identity.admin.search-label': 'Find an account',
  'identity.admin.search-hint': 'Part of a name, e-mail address or login name',
  'identity.admin.search-submit': 'Search',
  'identity.admin.create-assisted': 'Create an account for a resident without e-mail',
  'identity.admin.col-name': 'Name',
  'identity.admin.col-login': 'E-mail or login name',
  'identity.admin.col-roles': 'Roles',
  'identity.admin.col-resident': 'Resident verified',
  'identity.admin.yes': 'Yes',
  'identity.admin.no': 'No',
  'identity.admin.none': 'No accounts match.',
  'identity.admin.count': '{count, plural, one {# account} other {# accounts}}',
  'identity.admin.previous': 'Previous page',
  'identity.admin.next': 'Next page',
  'identity.admin.pages': 'Pages',
  'identity.admin.back': 'Back to accounts',
  'identity.admin.account-title': 'Account: {name}',
  'identity.admin.roles-title': 'Roles',
  'identity.admin.grant': 'Grant {role}',
  'identity.admin.revoke': 'Revoke {role}',
  'identity.admin.residency-title': 'Residency',
  'identity.admin.verified-on': 'Verified on {date}',
  'identity.admin.personal-number': 'Personal number',
  'identity.admin.personal-number-hint':
    '11 digits, from the ID card. It is kept only in a form that cannot be read back, and is never shown again.',
  'identity.admin.settlement': 'Settlement of the address',
  'identity.admin.settlement-none': 'Not recorded',
  'identity.admin.birth-year': 'Year of birth',
  'identity.admin.verify-submit': 'Record residency as verified',
  'identity.admin.code-title': 'One-time code',
  'identity.admin.reissue': 'Print a new code',

  'identity.assisted.title': 'Account for a resident without e-mail',
  'identity.assisted.intro':
    'The resident gets a printed sheet with a login name and a one-time code. After the first sign-in they choose a password.',
  'identity.assisted.display-name': 'Full name',
  'identity.assisted.submit': 'Create and show the code sheet',

  'identity.sheet.title': 'Your sign-in to Chartuloba',
  'identity.sheet.name': 'Name',
  'identity.sheet.login-name': 'Login name',
  'identity.sheet.code': 'One-time code',
  'identity.sheet.how':
    'Open {url}/sign-in/code and type the code. It works once; then choose a password and sign in with your login name and that password.',
  'identity.sheet.warning': 'This code is shown only now. Print the sheet before you leave this page.',
  'identity.sheet.print': 'Print',

  'identity.mail.verify.subject': 'Confirm your e-mail address',
  'identity.mail.verify.body':
    '{name}, please confirm the e-mail address of your Chartuloba account by opening the link below. It works for {hours} hours.',
  'identity.mail.reset.subject': 'Reset your password',
  'identity.mail.reset.body':
    '{name}, someone asked to reset the password of your account. If it was you, open the link below within {hours, plural, one {# hour} other {# hours}}; if not, ignore this mail.',
  'identity.mail.exists.subject': 'You already have an account',
  'identity.mail.exists.body':
    'Someone tried to register with this e-mail address, which already has an account. If it was you, sign in, or choose a new password with the link below.',

  'errors.identity.sign-in-required': 'Please sign in',
  'errors.identity.forbidden': 'You do not have access to this',
  'errors.identity.invalid-credentials': 'The e-mail or password is not right',
  'errors.identity.email-not-verified':
    'Please confirm your e-mail address first: follow the link we sent you',
  'errors.identity.too-many-attempts':
    'Too many failed sign-in attempts. Please wait 15 minutes and try again',
  'errors.identity.link-invalid': 'This link is not valid any more. Please ask for a new one',
  'errors.identity.code-invalid': 'This code is not valid or was already used',
  'errors.identity.current-password-wrong': 'The current password is not right',
  'errors.identity.account-not-found': 'Account not found',
  'errors.identity.personal-number-invalid': 'A personal number has 11 digits',
  'errors.identity.personal-number-taken': 'Another account is already verified with this personal number',
  'errors.identity.already-resident': 'This account is already resident-verified',
  'errors.identity.settlement-unknown': 'Choose a settlement of the municipality',
  'errors.identity.role-not-grantable': 'You may not grant or revoke this role',
  'errors.identity.last-admin': 'The last administrator cannot lose the administrator role',
  'errors.identity.not-assisted': 'Only assisted accounts sign in with a code',
  'errors.identity.email-taken': 'An account with this e-mail address already exists',
} as const;
