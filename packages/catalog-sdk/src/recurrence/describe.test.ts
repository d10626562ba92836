import { expect } from '@open-wc/testing';
import { describeRecurrence } from './describe.js';

const cases: [string, string, string][] = [
  ['FREQ=DAILY', 'tous les jours', 'every day'],
  ['FREQ=DAILY;INTERVAL=2', 'tous les 2 jours', 'every 2 days'],
  ['FREQ=WEEKLY', 'toutes les semaines', 'every week'],
  ['FREQ=WEEKLY;BYDAY=MO,WE,FR', 'chaque lundi, mercredi et vendredi', 'every Monday, Wednesday and Friday'],
  ['FREQ=WEEKLY;BYDAY=FR,MO', 'chaque lundi et vendredi', 'every Monday and Friday'],
  [
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
    'toutes les 2 semaines, le mardi et le jeudi',
    'every 2 weeks on Tuesday and Thursday',
  ],
  ['FREQ=MONTHLY', 'tous les mois', 'every month'],
  ['FREQ=MONTHLY;INTERVAL=3', 'tous les 3 mois', 'every 3 months'],
  ['FREQ=MONTHLY;BYDAY=2TU', 'le 2e mardi du mois', 'every 2nd Tuesday'],
  ['FREQ=MONTHLY;BYDAY=1MO', 'le 1er lundi du mois', 'every 1st Monday'],
  ['FREQ=MONTHLY;BYDAY=-1SU', 'le dernier dimanche du mois', 'every last Sunday'],
  ['FREQ=MONTHLY;BYDAY=-2MO', "l'avant-dernier lundi du mois", 'every second-to-last Monday'],
  [
    'FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU',
    'tous les 2 mois, le 1er dimanche et le dernier dimanche',
    'every 2 months on the 1st Sunday and last Sunday',
  ],
  ['FREQ=MONTHLY;BYMONTHDAY=15', 'le 15 de chaque mois', 'every month on the 15th'],
  ['FREQ=MONTHLY;BYMONTHDAY=15,2', 'les 2 et 15 de chaque mois', 'every month on the 2nd and 15th'],
  ['FREQ=MONTHLY;BYMONTHDAY=1,-1', 'le 1er et le dernier jour de chaque mois', 'every month on the 1st and last day'],
  ['FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=23', 'tous les 3 mois, le 23', 'every 3 months on the 23rd'],
  ['FREQ=YEARLY', 'tous les ans', 'every year'],
  ['FREQ=YEARLY;BYMONTH=6,7', 'tous les ans en juin et juillet', 'every year in June and July'],
  ['FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=14', 'tous les ans, le 14 juillet', 'every year on 14 July'],
  ['FREQ=YEARLY;INTERVAL=2;BYMONTH=1;BYMONTHDAY=1', 'tous les 2 ans, le 1er janvier', 'every 2 years on 1 January'],
  ['FREQ=WEEKLY;COUNT=10', 'toutes les semaines, 10 fois', 'every week, 10 times'],
  ['FREQ=DAILY;COUNT=1', 'tous les jours, une seule fois', 'every day, once'],
  [
    'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959',
    "chaque lundi, jusqu'au 31 décembre 2026",
    'every Monday, until 31 December 2026',
  ],
  ['FREQ=MONTHLY;UNTIL=20270101', "tous les mois, jusqu'au 1er janvier 2027", 'every month, until 1 January 2027'],
  ['FREQ=HOURLY;INTERVAL=8', 'toutes les 8 heures', 'every 8 hours'],
];

describe('describeRecurrence', () => {
  for (const [rule, french, english] of cases) {
    it(`${rule} → « ${french} » / "${english}"`, () => {
      expect(describeRecurrence(rule, 'fr')).to.equal(french);
      expect(describeRecurrence(rule, 'en')).to.equal(english);
    });
  }

  it('says honestly when a rule is beyond plain words, keeping what it can', () => {
    expect(describeRecurrence('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', 'fr')).to.equal(
      'tous les mois (règle personnalisée)',
    );
    expect(describeRecurrence('FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3', 'en')).to.equal(
      'every year (custom rule), 3 times',
    );
    expect(describeRecurrence('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', 'en')).to.equal('every month (custom rule)');
  });

  it('never throws on malformed rules', () => {
    for (const rule of [
      '',
      'nonsense',
      'FREQ=',
      'FREQ=WEEKLY;BYDAY=XX',
      'FREQ=DAILY;COUNT=abc',
      ';;;',
      'FREQ=DAILY;UNTIL=demain',
    ]) {
      expect(() => describeRecurrence(rule, 'fr'), rule).not.to.throw();
      expect(describeRecurrence(rule, 'en')).to.be.a('string').and.not.equal('');
    }
    expect(describeRecurrence('nonsense', 'fr')).to.equal('récurrence personnalisée');
    expect(describeRecurrence('FREQ=WEEKLY;BYDAY=XX', 'en')).to.equal('every week (custom rule)');
  });
});
