import { CreateApiKeys1732300000000 } from './1732300000000-create-api-keys';
import { CreateSystemPings1732300000001 } from './1732300000001-create-system-pings';
import { CreateFeedback1732400000000 } from './1732400000000-create-feedback';
import { CreateIntegrations1732500000000 } from './1732500000000-create-integrations';
import { CreateAnalysis1732600000000 } from './1732600000000-create-analysis';
import { BinaryKeyCollation1733000000000 } from './1733000000000-binary-key-collation';
import { ReplaceDefaultTopics1733100000000 } from './1733100000000-replace-default-topics';
import { CreateRollups1733300000000 } from './1733300000000-create-rollups';
import { CreateRollupDaySlices1733300000001 } from './1733300000001-create-rollup-day-slices';
import { CreateOutcomes1733400000000 } from './1733400000000-create-outcomes';
import { CreateDigest1733500000000 } from './1733500000000-create-digest';
import { CreateVerbatimSearch1733600000000 } from './1733600000000-create-verbatim-search';
import { CreateAnomaliesAndAlerts1733600000001 } from './1733600000001-create-anomalies-and-alerts';
import { AddRollupCesLow1733800000000 } from './1733800000000-add-rollup-ces-low';
import { CreateIndexWeights1733800000001 } from './1733800000001-create-index-weights';
import { CreateRollupSliceLevels1733920000000 } from './1733920000000-create-rollup-slice-levels';
import { AddFeedbackTopicOccurredAt1733920000001 } from './1733920000001-add-feedback-topic-occurred-at';
import { AddFeedbackTopicNegativeIndex1733920000002 } from './1733920000002-add-feedback-topic-negative-index';
import { AddFeedbackRecencyIndexes1733920000003 } from './1733920000003-add-feedback-recency-indexes';
import { CreateCustomerFigures1733930000000 } from './1733930000000-create-customer-figures';
import { RefreshDefaultTopics1733940000000 } from './1733940000000-refresh-default-topics';
import { CoverCustomerFactIndexes1733990000000 } from './1733990000000-cover-customer-fact-indexes';
import { CreateCustomerItemFacts1734000000000 } from './1734000000000-create-customer-item-facts';
import { WidenCustomerFigureState1734900000000 } from './1734900000000-widen-customer-figure-state';
import { NpsRangeIndex1735100000000 } from './1735100000000-nps-range-index';
import { BinaryCustomerFactKeys1735100000001 } from './1735100000001-binary-customer-fact-keys';
import { CreateDigestWeekParts1735300000000 } from './1735300000000-create-digest-week-parts';
import { CreateOutcomeFiguresPending1735400000000 } from './1735400000000-create-outcome-figures-pending';
import { CustomerTopicMentionChannels1735500000000 } from './1735500000000-customer-topic-mention-channels';

/** Listed explicitly (not globbed) so they load the same under ts-jest, tsc output and the CLI. */
export const ALL_MIGRATIONS = [
  CreateApiKeys1732300000000,
  CreateSystemPings1732300000001,
  CreateFeedback1732400000000,
  CreateIntegrations1732500000000,
  CreateAnalysis1732600000000,
  BinaryKeyCollation1733000000000,
  ReplaceDefaultTopics1733100000000,
  CreateRollups1733300000000,
  CreateRollupDaySlices1733300000001,
  CreateOutcomes1733400000000,
  CreateDigest1733500000000,
  CreateVerbatimSearch1733600000000,
  CreateAnomaliesAndAlerts1733600000001,
  AddRollupCesLow1733800000000,
  CreateIndexWeights1733800000001,
  CreateRollupSliceLevels1733920000000,
  AddFeedbackTopicOccurredAt1733920000001,
  AddFeedbackTopicNegativeIndex1733920000002,
  AddFeedbackRecencyIndexes1733920000003,
  CreateCustomerFigures1733930000000,
  RefreshDefaultTopics1733940000000,
  CoverCustomerFactIndexes1733990000000,
  CreateCustomerItemFacts1734000000000,
  WidenCustomerFigureState1734900000000,
  NpsRangeIndex1735100000000,
  BinaryCustomerFactKeys1735100000001,
  CreateDigestWeekParts1735300000000,
  CreateOutcomeFiguresPending1735400000000,
  CustomerTopicMentionChannels1735500000000,
];
