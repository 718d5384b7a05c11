import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { describeRule } from '@admin/audiences/ruleText';
import { type RuleGroup, type RuleNode } from '@admin/audiences/types';
import { useFormatInZone } from '@admin/time/ZonedDateField';

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

function isGroup(node: RuleNode): node is RuleGroup {
  return 'children' in node;
}

/** Saved rules as nested sentences: "All of these: Tags has any of seoul; …". */
export function RuleTree({ group }: { group: RuleGroup }) {
  const translate = useTranslate();
  const format = useFormatInZone();
  const formatDay = (instant: string) => format(instant, DAY);
  return (
    <Box data-testid="rule-tree">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate(`app.audience.combinator.${group.combinator}`)}
      </Typography>
      <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
        {group.children.map((child, index) => (
          <li key={index}>
            {isGroup(child) ? (
              <RuleTree group={child} />
            ) : (
              <Typography variant="body2">{describeRule(child, translate, formatDay)}</Typography>
            )}
          </li>
        ))}
      </Box>
    </Box>
  );
}
