import { defineTopic as topic } from '../define-topic';
import type { IndustryPack } from './industry-pack';

/** Software sold as a service: seats and plans, uptime, integrations, data, onboarding. */
export const SOFTWARE_SAAS_PACK: IndustryPack = {
  name: 'software-saas',
  title: 'Software & SaaS',
  description: 'Software as a service: plans and seats, uptime, integrations, APIs, data export, onboarding.',
  topics: [
    topic(
      'plan-limits',
      'Plan limits & tiers',
      `plan limit, usage limit, limits, quota, tier, tiers, free tier, free plan, pro plan, enterprise plan,
      upgrade, downgrade, seat, seats, per seat, per user, license, licence`,
      { parentKey: 'subscription' },
    ),
    topic(
      'seat-billing',
      'Seat & usage billing',
      'billed per seat, charged per seat, usage based, overage, overages, prorated, proration, annual billing',
      { parentKey: 'payment' },
    ),
    topic(
      'uptime',
      'Downtime & reliability',
      `downtime, uptime, outage, outages, status page, service down, degraded, incident, unreliable, sync,
      syncing, data loss, lost my data`,
      { parentKey: 'website-app' },
    ),
    topic(
      'integrations',
      'Integrations & API',
      `integration, integrations, integrate, api, webhook, webhooks, zapier, slack, salesforce, plugin,
      plugins, add on, sdk, export, import, csv`,
      { parentKey: 'website-app' },
    ),
    topic(
      'features',
      'Features & roadmap',
      `feature request, missing feature, roadmap, new feature, feature, functionality, dashboard, reports,
      reporting, permissions, workflow, automation`,
      { parentKey: 'product-quality' },
    ),
    topic(
      'onboarding',
      'Onboarding & setup',
      'onboarding, setup, set up, getting started, learning curve, tutorial, documentation, docs, migration',
      { parentKey: 'account' },
    ),
    topic(
      'sso-security',
      'SSO & security',
      'sso, single sign on, saml, security, 2fa, mfa, permissions, gdpr',
      {
        parentKey: 'account',
      },
    ),
  ],
};
