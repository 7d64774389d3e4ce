import type { Touchpoint } from './demo-company';

/** Sentence templates per touchpoint and polarity; `{slots}` are filled by demo-text-composer.ts. */

export type Polarity = 'positive' | 'neutral' | 'negative';

export const TEXTS: Record<Touchpoint, Record<Polarity, string[]>> = {
  ads: {
    positive: [
      'Saw your ad for the {product} and it was exactly what I was looking for.',
      'Your trail video ads are genuinely inspiring, that is how I found you.',
      'Nice to see an outdoor brand advertise real people instead of models.',
    ],
    neutral: [
      'I keep seeing ads for the {product}, might give it a try.',
      'Found you through an ad, not sure yet how you compare to the big stores.',
    ],
    negative: [
      'The ad said 30% off the {product} but the discount was nowhere on the site.',
      'I get the same ad five times a day now, it is getting annoying.',
      'The ad price and the shop price for the {product} did not match.',
    ],
  },
  pricing: {
    positive: [
      'Prices are fair for the quality, and the Trail Club discount really adds up.',
      'The price match on the {product} was quick and painless.',
      'Clear pricing, no surprise fees, I like that.',
    ],
    neutral: [
      'The {product} is a bit pricey but the reviews convinced me.',
      'Would be nice to see the membership price before signing up.',
      'Comparable prices to other shops, the free shipping threshold decides it for me.',
    ],
    negative: [
      'Shipping costs only showed up at the last step, that felt sneaky.',
      'The {product} went up by {amount} in a month, that is too much.',
      'The membership is getting expensive for what it offers.',
    ],
  },
  checkout: {
    positive: [
      'Checkout took less than a minute, Apple Pay worked first time.',
      'Smooth checkout, saved address and card made it super quick.',
      'Paying was easy and the order confirmation came straight away.',
      'Love that I can check out as a guest without creating an account.',
    ],
    neutral: [
      'Checkout was fine, though the promo code field is hard to find.',
      'It took a couple of tries to get the delivery slot I wanted at checkout.',
      'Checkout works, but asking for my phone number every time is unnecessary.',
    ],
    negative: [
      'The promo code would not apply at checkout even though it was valid.',
      'Checkout kept resetting my delivery address to the old one.',
      'Too many steps at checkout, I almost gave up.',
    ],
  },
  delivery: {
    positive: [
      'Ordered on Monday and the {product} arrived on Wednesday, well packed.',
      'Delivery was faster than promised and the tracking was spot on.',
      'The courier was friendly and left the parcel exactly where I asked.',
      'Packaging was plastic-free and the {product} arrived in perfect condition.',
    ],
    neutral: [
      'Delivery took {days} days, which is okay but not great.',
      'Parcel arrived on time, though the box was a bit battered.',
      'Tracking stopped updating for a day but it showed up in the end.',
    ],
    negative: [
      'My {product} arrived {days} days late and nobody told me why.',
      'The parcel was marked delivered but it never reached my door.',
      'The box was crushed and the {product} inside was damaged.',
      'Wrong size delivered, I ordered a 42 and got a 44.',
    ],
  },
  onboarding: {
    positive: [
      'Setting up my Trail Club account took two minutes, the welcome guide is great.',
      'The sizing quiz during sign-up was surprisingly accurate.',
      'Welcome email had everything I needed, including my first discount.',
    ],
    neutral: [
      'Sign-up was fine, but I had to verify my email twice.',
      'The onboarding tour in the app is a bit long.',
    ],
    negative: [
      'The verification email never arrived, I could not finish creating my account.',
      'I was charged for the membership before I even finished signing up.',
      'The app asked for way too many permissions during setup.',
    ],
  },
  app: {
    positive: [
      'The new app is fast and the trail map feature is brilliant.',
      'Love the wishlist alerts in the app, got the {product} on sale.',
      'Reordering from the app takes seconds.',
    ],
    neutral: [
      'The app is okay, but search results are not very relevant.',
      'The app works but dark mode would be nice.',
      'Filters in the app are a bit limited compared to the website.',
    ],
    negative: [
      'The app crashes every time I open my order history.',
      'Since the last update the app logs me out constantly.',
      'The app is slow and the product photos take forever to load.',
    ],
  },
  product: {
    positive: [
      'The {product} is excellent quality, survived a week in the Highlands.',
      'Best {product} I have owned, comfortable from day one.',
      'Really impressed with the {product}, worth every penny.',
      'The {product} is light, warm and well made.',
    ],
    neutral: [
      'The {product} does the job, nothing special.',
      'Good {product}, but it runs a little small.',
      'Decent quality for the price, the colour is slightly different from the photos.',
    ],
    negative: [
      'The {product} fell apart after two hikes.',
      'The seams of the {product} leaked in the first rain.',
      'Poor quality, the zip on the {product} broke within a week.',
    ],
  },
  support: {
    positive: [
      '{agent} from support sorted my problem in one call, thank you.',
      'Support replied within an hour and was genuinely helpful.',
      'Really friendly support team, they went above and beyond.',
    ],
    neutral: [
      'Support answered my question, although it took {days} days.',
      'The chat bot was useless but the human agent helped in the end.',
    ],
    negative: [
      'I waited {days} days for a reply from support and still have no answer.',
      'Support keeps sending me the same copy-paste answer.',
      'I was on hold for 45 minutes and then the call dropped.',
    ],
  },
  billing: {
    positive: [
      'Billing is clear, the monthly Trail Club invoice is easy to understand.',
      'Changing my card details for the membership was simple.',
    ],
    neutral: [
      'The invoice is fine but I would like it in PDF by email.',
      'Renewal reminder came a bit late but no problem otherwise.',
    ],
    negative: [
      'I was charged twice for my membership this month.',
      'Cancelling the Trail Club membership is way too hard.',
      'The renewal charge came without any reminder.',
    ],
  },
  returns: {
    positive: [
      'Returning the {product} was easy, the label was in the box.',
      'Refund arrived two days after they received my return.',
    ],
    neutral: [
      'The return process is okay, but I had to print the label myself.',
      'Refund took about {days} days, acceptable.',
    ],
    negative: [
      'Still waiting for my refund {days} days after returning the {product}.',
      'The returns portal would not accept my order number.',
      'They refused my return because the box was opened.',
    ],
  },
};

/** The planted problem: from the incident week on, checkout breaks for many customers. */
export const CHECKOUT_INCIDENT: string[] = [
  'Payment failed three times at checkout with "transaction error", my card works everywhere else.',
  'Checkout shows an error after I click pay and the order never goes through.',
  'I was charged but got a checkout error and no order confirmation.',
  'The payment page just spins forever, I gave up and bought elsewhere.',
  'Checkout is broken: card declined every time, my bank says they never saw the request.',
  'Tried to pay with PayPal and with my card, both failed at the last step.',
  'Got "something went wrong" at checkout four times, very frustrating.',
  'The 3D Secure step fails and sends me back to an empty basket.',
  'Payment error again at checkout, this is the second week in a row.',
  'Could not complete my order, the pay button does nothing after the latest update.',
];

export const OPENERS: Record<Polarity, string[]> = {
  positive: ['Really happy.', 'Great experience overall.', 'Five stars from me.', 'Honestly impressed.', ''],
  neutral: ['Mixed feelings.', 'It is okay.', 'Not bad.', ''],
  negative: ['Very disappointed.', 'Not happy at all.', 'Frustrating experience.', 'Terrible.', ''],
};

export const CLOSERS: Record<Polarity, string[]> = {
  positive: ['Will definitely order again.', 'Recommended to all my hiking friends.', 'Keep it up!', ''],
  neutral: ['Might order again.', 'Room for improvement.', ''],
  negative: [
    'Please fix this.',
    'Thinking about cancelling my membership.',
    'I expect better.',
    'Never again.',
    '',
  ],
};

export const CALL_OUTCOME_NOTES = {
  resolved: [
    'Issue resolved on the call.',
    'Walked the customer through the fix, confirmed working.',
    'Refund issued, customer satisfied.',
  ],
  escalated: [
    'Escalated to tier 2.',
    'Raised a ticket with the payments team.',
    'Escalated to the warehouse lead.',
  ],
  callback: [
    'Promised a callback tomorrow once we hear from the courier.',
    'Will call back after checking with billing.',
  ],
  unresolved: [
    'Could not resolve, customer unhappy.',
    'No fix available yet, customer asked to try again later.',
  ],
} as const;
