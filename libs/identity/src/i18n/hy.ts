import type { TranslationOf } from '@chartuloba/platform';
import type { en } from './en';

export const hy: TranslationOf<typeof en> = {
  'identity.nav.admin-accounts': 'Հաշիվներ',
  'identity.role.citizen': 'Քաղաքացի',
  'identity.role.council_member': 'Սակրեբուլոյի անդամ',
  'identity.role.staff': 'Մունիցիպալիտետի աշխատակից',
  'identity.role.moderator': 'Մոդերատոր',
  'identity.role.admin': 'Ադմինիստրատոր',

  'identity.field.display-name': 'Ձեր անունը',
  'identity.field.display-name-hint': 'Ցուցադրվում է ձեր խնդրագրերի և մեկնաբանությունների կողքին',
  'identity.field.email': 'Էլ. փոստի հասցե',
  'identity.field.password': 'Գաղտնաբառ',
  'identity.field.password-hint':
    'Առնվազն {min} նիշ։ Իրար հաջորդող մի քանի բառը հեշտ է հիշել և դժվար է գուշակել։',
  'identity.field.new-password': 'Նոր գաղտնաբառ',
  'identity.field.current-password': 'Ընթացիկ գաղտնաբառ',
  'identity.field.login': 'Էլ. փոստ կամ մուտքանուն',

  'identity.sign-up.title': 'Ստեղծել հաշիվ',
  'identity.sign-up.intro':
    'Հաշվով կարող եք ստորագրել խնդրագրեր, առաջարկել նախագծեր և քվեարկել ձեր գյուղի համար։',
  'identity.sign-up.submit': 'Ստեղծել հաշիվ',
  'identity.sign-up.have-account': 'Արդեն ունե՞ք հաշիվ',

  'identity.sign-in.title': 'Մուտք',
  'identity.sign-in.submit': 'Մուտք գործել',
  'identity.sign-in.forgot': 'Մոռացե՞լ եք գաղտնաբառը',
  'identity.sign-in.no-account': 'Դեռ հաշիվ չունե՞ք',
  'identity.sign-in.create': 'Ստեղծեք հաշիվ',
  'identity.sign-in.code-link': 'Մունիցիպալիտետից տպված միանգամյա կո՞դ եք ստացել',

  'identity.code.title': 'Մուտք միանգամյա կոդով',
  'identity.code.intro':
    'Մուտքագրեք կոդը այն թերթիկից, որը ստացել եք մունիցիպալիտետի գրասենյակում։ Այն գործում է մեկ անգամ։',
  'identity.code.field': 'Միանգամյա կոդ',
  'identity.code.hint': '10 տառ և թիվ, ինչպես տպված է․ գծիկները պարտադիր չեն',
  'identity.code.submit': 'Մուտք գործել',

  'identity.verify.failed-title': 'Այս հղումը չի աշխատում',
  'identity.verify.failed-body':
    'Հղումն արդեն օգտագործվել է կամ ժամկետանց է։ Եթե հասցեն հաստատված է, պարզապես մուտք գործեք, հակառակ դեպքում կրկին գրանցվեք։',

  'identity.forgot.title': 'Վերականգնել գաղտնաբառը',
  'identity.forgot.intro':
    'Մուտքագրեք ձեր հաշվի էլ. փոստը։ Մենք կուղարկենք հղում՝ նոր գաղտնաբառ ընտրելու համար։',
  'identity.forgot.submit': 'Ուղարկել հղումը',

  'identity.reset.title': 'Ընտրեք նոր գաղտնաբառ',
  'identity.reset.submit': 'Պահպանել նոր գաղտնաբառը',

  'identity.account.title': 'Ձեր հաշիվը',
  'identity.account.name': 'Անուն',
  'identity.account.email': 'Էլ. փոստ',
  'identity.account.login-name': 'Մուտքանուն',
  'identity.account.roles': 'Դերեր',
  'identity.account.residency': 'Բնակության կարգավիճակ',
  'identity.account.resident-in': 'Հաստատված բնակիչ՝ {settlement}, {date}-ից',
  'identity.account.resident-since': 'Հաստատված բնակիչ {date}-ից',
  'identity.account.not-resident':
    'Դեռ հաստատված չէ։ Բնակությունը հաստատելու համար անձը հաստատող փաստաթղթով եկեք մունիցիպալիտետի գրասենյակ․ որոշ քվեարկություններ բաց են միայն բնակիչների համար։',
  'identity.account.change-password': 'Փոխել գաղտնաբառը',
  'identity.account.set-password': 'Սահմանել գաղտնաբառ',
  'identity.account.set-password-intro':
    'Ընտրեք գաղտնաբառ, իսկ հաջորդ անգամ մուտք գործեք {login} մուտքանունով և այս գաղտնաբառով։',
  'identity.account.save-password': 'Պահպանել գաղտնաբառը',
  'identity.account.sign-out': 'Ելք',

  'identity.flash.check-email':
    'Եթե հասցեն հնարավոր է օգտագործել, մենք դրան հղում ենք ուղարկել։ Խնդրում ենք ստուգել ձեր փոստը։',
  'identity.flash.email-verified': 'Ձեր էլ. փոստը հաստատված է։ Այժմ կարող եք մուտք գործել։',
  'identity.flash.signed-in': 'Դուք մուտք եք գործել։',
  'identity.flash.signed-out': 'Դուք դուրս եք եկել։',
  'identity.flash.password-reset': 'Ձեր գաղտնաբառը փոխվել է։ Խնդրում ենք մուտք գործել նորով։',
  'identity.flash.password-changed': 'Ձեր գաղտնաբառը փոխվել է։',
  'identity.flash.code-signed-in':
    'Բարի գալուստ։ Տպված կոդը գործում է միայն մեկ անգամ, ուստի հիմա սահմանեք գաղտնաբառ։',
  'identity.flash.role-granted': 'Դերը շնորհվեց։',
  'identity.flash.role-revoked': 'Դերը հետ կանչվեց։',
  'identity.flash.residency-verified': 'Բնակությունը գրանցվեց որպես հաստատված։',

  'identity.admin.title': 'Հաշիվներ',
  'identity.admin.search-label': 'Գտնել հաշիվ',
  'identity.admin.search-hint': 'Անվան, էլ. փոստի կամ մուտքանվան մի մասը',
  'identity.admin.search-submit': 'Որոնել',
  'identity.admin.create-assisted': 'Ստեղծել հաշիվ առանց էլ. փոստի բնակչի համար',
  'identity.admin.col-name': 'Անուն',
  'identity.admin.col-login': 'Էլ. փոստ կամ մուտքանուն',
  'identity.admin.col-roles': 'Դերեր',
  'identity.admin.col-resident': 'Բնակությունը հաստատված է',
  'identity.admin.yes': 'Այո',
  'identity.admin.no': 'Ոչ',
  'identity.admin.none': 'Համապատասխան հաշիվ չի գտնվել։',
  'identity.admin.count': '{count, plural, one {# հաշիվ} other {# հաշիվ}}',
  'identity.admin.previous': 'Նախորդ էջ',
  'identity.admin.next': 'Հաջորդ էջ',
  'identity.admin.pages': 'Էջեր',
  'identity.admin.back': 'Վերադառնալ հաշիվներին',
  'identity.admin.account-title': 'Հաշիվ՝ {name}',
  'identity.admin.roles-title': 'Դերեր',
  'identity.admin.grant': 'Շնորհել՝ {role}',
  'identity.admin.revoke': 'Հետ կանչել՝ {role}',
  'identity.admin.residency-title': 'Բնակության կարգավիճակ',
  'identity.admin.verified-on': 'Հաստատվել է {date}',
  'identity.admin.personal-number': 'Անձնական համար',
  'identity.admin.personal-number-hint':
    '11 թիվ՝ անձը հաստատող փաստաթղթից։ Պահվում է միայն այնպիսի ձևով, որը հնարավոր չէ հետ կարդալ, և այլևս չի ցուցադրվում։',
  'identity.admin.settlement': 'Հասցեի բնակավայրը',
  'identity.admin.settlement-none': 'Նշված չէ',
  'identity.admin.birth-year': 'Ծննդյան տարի',
  'identity.admin.verify-submit': 'Գրանցել բնակությունը որպես հաստատված',
  'identity.admin.code-title': 'Միանգամյա կոդ',
  'identity.admin.reissue': 'Տպել նոր կոդ',

  'identity.assisted.title': 'Հաշիվ առանց էլ. փոստի բնակչի համար',
  'identity.assisted.intro':
    'Բնակիչը ստանում է տպված թերթիկ՝ մուտքանունով և միանգամյա կոդով։ Առաջին մուտքից հետո նա ընտրում է գաղտնաբառ։',
  'identity.assisted.display-name': 'Լրիվ անուն',
  'identity.assisted.submit': 'Ստեղծել և ցույց տալ կոդի թերթիկը',

  'identity.sheet.title': 'Ձեր մուտքը Չարտուլոբա',
  'identity.sheet.name': 'Անուն',
  'identity.sheet.login-name': 'Մուտքանուն',
  'identity.sheet.code': 'Միանգամյա կոդ',
  'identity.sheet.how':
    'Բացեք {url}/sign-in/code և մուտքագրեք կոդը։ Այն գործում է մեկ անգամ․ հետո ընտրեք գաղտնաբառ և մուտք գործեք ձեր մուտքանունով ու այդ գաղտնաբառով։',
  'identity.sheet.warning': 'Այս կոդը ցուցադրվում է միայն հիմա։ Տպեք թերթիկը, նախքան այս էջից հեռանալը։',
  'identity.sheet.print': 'Տպել',

  'identity.mail.verify.subject': 'Հաստատեք ձեր էլ. փոստի հասցեն',
  'identity.mail.verify.body':
    '{name}, խնդրում ենք հաստատել ձեր Չարտուլոբա հաշվի էլ. փոստի հասցեն՝ բացելով ստորև նշված հղումը։ Այն գործում է {hours} ժամ։',
  'identity.mail.reset.subject': 'Գաղտնաբառի վերականգնում',
  'identity.mail.reset.body':
    '{name}, ինչ-որ մեկը խնդրել է վերականգնել ձեր հաշվի գաղտնաբառը։ Եթե դա դուք եք, բացեք ստորև նշված հղումը {hours} ժամվա ընթացքում, իսկ եթե ոչ՝ անտեսեք այս նամակը։',
  'identity.mail.exists.subject': 'Դուք արդեն ունեք հաշիվ',
  'identity.mail.exists.body':
    'Ինչ-որ մեկը փորձել է գրանցվել այս էլ. փոստով, որն արդեն հաշիվ ունի։ Եթե դա դուք եք, մուտք գործեք կամ ընտրեք նոր գաղտնաբառ ստորև նշված հղումով։',

  'errors.identity.sign-in-required': 'Խնդրում ենք մուտք գործել',
  'errors.identity.forbidden': 'Դուք սրա թույլտվությունը չունեք',
  'errors.identity.invalid-credentials': 'Էլ. փոստը կամ գաղտնաբառը ճիշտ չէ',
  'errors.identity.email-not-verified': 'Նախ հաստատեք ձեր էլ. փոստը․ բացեք մեր ուղարկած հղումը',
  'errors.identity.too-many-attempts':
    'Չափազանց շատ անհաջող մուտքի փորձեր։ Խնդրում ենք սպասել 15 րոպե և կրկին փորձել',
  'errors.identity.link-invalid': 'Այս հղումն այլևս վավեր չէ։ Խնդրում ենք պահանջել նորը',
  'errors.identity.code-invalid': 'Այս կոդը վավեր չէ կամ արդեն օգտագործվել է',
  'errors.identity.current-password-wrong': 'Ընթացիկ գաղտնաբառը ճիշտ չէ',
  'errors.identity.account-not-found': 'Հաշիվը չի գտնվել',
  'errors.identity.personal-number-invalid': 'Անձնական համարը 11 թիվ է',
  'errors.identity.personal-number-taken': 'Այս անձնական համարով արդեն հաստատված է մեկ այլ հաշիվ',
  'errors.identity.already-resident': 'Այս հաշվի բնակությունն արդեն հաստատված է',
  'errors.identity.settlement-unknown': 'Ընտրեք մունիցիպալիտետի բնակավայր',
  'errors.identity.role-not-grantable': 'Դուք չեք կարող շնորհել կամ հետ կանչել այս դերը',
  'errors.identity.last-admin': 'Վերջին ադմինիստրատորը չի կարող կորցնել ադմինիստրատորի դերը',
  'errors.identity.not-assisted': 'Կոդով մուտք են գործում միայն օգնությամբ ստեղծված հաշիվները',
  'errors.identity.email-taken': 'Այս էլ. փոստով հաշիվ արդեն կա',
};
