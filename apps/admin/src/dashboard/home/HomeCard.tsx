import {
  Alert,
  Card,
  CardContent,
  CircularProgress,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** One block of a role's home: a headline with its count, then the rows to act on. */
export function HomeCard(props: {
  testId: string;
  title: string;
  isPending?: boolean;
  error?: Error | null;
  empty?: boolean;
  emptyText: string;
  children?: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card data-testid={props.testId} variant="outlined" sx={{ flex: 1, minWidth: 320 }}>
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="h6" component="h2" data-testid={`${props.testId}-title`}>
            {/* No count before the answer: "0 waiting" would be read as a fact. */}
            {props.isPending ? <Skeleton width={220} /> : props.title}
          </Typography>
          {props.isPending ? (
            <CircularProgress size={24} />
          ) : props.error ? (
            <Alert severity="error">
              {translate(props.error.message, { _: props.error.message })}
            </Alert>
          ) : props.empty ? (
            <Typography variant="body2" color="text.secondary">
              {props.emptyText}
            </Typography>
          ) : (
            props.children
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
