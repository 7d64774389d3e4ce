import { AGENTS, PRODUCTS, Touchpoint } from './demo-company';
import { CHECKOUT_INCIDENT, CLOSERS, OPENERS, Polarity, TEXTS } from './demo-texts';
import { SeededRandom } from './seeded-random';

export type TextStyle = 'review' | 'survey' | 'social' | 'call';

export interface TextRequest {
  touchpoint: Touchpoint;
  polarity: Polarity;
  /** Use the planted checkout-failure texts. */
  incident: boolean;
  product: string;
  style: TextStyle;
}

/** Builds one feedback text: a core sentence for the touchpoint and mood, dressed per channel. */
export function composeText(random: SeededRandom, request: TextRequest): string {
  const core = fill(
    random,
    request.incident
      ? random.pick(CHECKOUT_INCIDENT)
      : random.pick(TEXTS[request.touchpoint][request.polarity]),
    request.product,
  );
  switch (request.style) {
    case 'review':
      return join(random.pick(OPENERS[request.polarity]), core, random.pick(CLOSERS[request.polarity]));
    case 'survey':
      return random.chance(0.4) ? join(core, random.pick(CLOSERS[request.polarity])) : core;
    case 'social': {
      const tag = random.pick(['', ' #hiking', ' #outdoors', ' #customerservice', ' #fail', ' #gear']);
      return `${random.chance(0.6) ? '@NorthwindOutdoor ' : ''}${core}${tag}`;
    }
    case 'call':
      return `Customer reports: ${core.charAt(0).toLowerCase()}${core.slice(1)}`;
  }
}

function fill(random: SeededRandom, template: string, product: string): string {
  return template.replace(/\{(\w+)\}/g, (_slot, name: string) => {
    switch (name) {
      case 'product':
        return product;
      case 'days':
        return String(random.int(3, 14));
      case 'agent':
        return random.pick(AGENTS);
      case 'amount':
        return `£${random.int(5, 40)}`;
      default:
        return name;
    }
  });
}

function join(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

export function randomProduct(random: SeededRandom): string {
  return random.pick(PRODUCTS);
}
