import type { Random } from '../random';
import { CITIES, FIRST_NAMES, LAST_NAMES, STREET_NAMES, STREET_SUFFIXES } from './data';

export interface Person {
  name: string;
  email: string;
  address1: string;
  address2?: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  residential: boolean;
}

export function person(random: Random): Person {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const [city, state, zip, areaCode] = random.pick(CITIES);
  const residential = random.chance(0.85);
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}${random.int(1, 999)}`.toLowerCase(),
    address1: `${random.int(100, 9899)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`,
    ...(random.chance(0.2)
      ? {
          address2: residential
            ? `Apt ${random.int(1, 40)}${random.pick(['A', 'B', 'C', ''])}`
            : `Suite ${random.int(100, 950)}`,
        }
      : {}),
    city,
    state,
    postalCode: random.chance(0.3) ? `${zip}-${random.digits(4)}` : zip,
    phone: `${areaCode}${random.int(200, 989)}${random.digits(4)}`,
    residential,
  };
}
